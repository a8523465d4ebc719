package org.gonghui.mutualaid;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import org.gonghui.member.MemberQuery;
import org.gonghui.member.MemberType;
import org.gonghui.member.MemberView;
import org.gonghui.member.Members;
import org.gonghui.member.PersonalField;
import org.gonghui.organisation.OrganisationView;
import org.gonghui.organisation.Organisations;
import org.gonghui.shared.DomainException;
import org.gonghui.shared.PageResult;
import org.gonghui.shared.security.CurrentUser;
import org.gonghui.shared.security.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Demo data for mutual aid, on a platform without plans: Ningbo's four projects for last and this cover
 * year, the staff of two enterprise unions enrolled collectively (retirees individually), and claims of
 * the demo member and others in different states.
 */
@Component
@Order(20)
@ConditionalOnProperty(name = "gonghui.demo", havingValue = "true")
class MutualAidDemoData implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(MutualAidDemoData.class);

    private final Plans plans;
    private final Enrolments enrolments;
    private final Claims claims;
    private final ClaimReview review;
    private final Members members;
    private final Organisations organisations;
    private final TransactionTemplate transactions;

    MutualAidDemoData(Plans plans, Enrolments enrolments, Claims claims, ClaimReview review, Members members,
            Organisations organisations, TransactionTemplate transactions) {
        this.plans = plans;
        this.enrolments = enrolments;
        this.claims = claims;
        this.review = review;
        this.members = members;
        this.organisations = organisations;
        this.transactions = transactions;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!plans.years().isEmpty() || organisations.findByCode("NB").isEmpty()) {
            return;
        }
        transactions.executeWithoutResult(status -> load());
    }

    private void load() {
        OrganisationView city = organisations.findByCode("NB").orElseThrow();
        CurrentUser admin = new CurrentUser(0, "system", "system", null, city.id(), city.path(), null,
                EnumSet.of(Role.ADMIN, Role.STAFF, Role.REVIEWER), false, true);
        CoverYear year = CoverYear.of(LocalDate.now());
        for (PlanRules rules : ReferenceRules.ningbo(year.previous())) {
            plans.publish(admin, rules);
        }
        for (PlanRules rules : ReferenceRules.ningbo(year)) {
            plans.publish(admin, rules);
        }
        List<MemberView> enrolled = new ArrayList<>();
        for (String code : List.of("NB-HS-T01-E1", "NB-JB-T01-E1")) {
            organisations.findByCode(code).ifPresent(unit -> enrolled.addAll(enrolUnit(admin, unit, year)));
        }
        int made = 0;
        for (MemberView member : enrolled) {
            if (made >= 6) {
                break;
            }
            if (member.type() == MemberType.RETIRED) {
                continue;
            }
            try {
                demoClaim(admin, member, year, made);
                made++;
            } catch (DomainException e) {
                log.debug("demo claim for member {} skipped: {}", member.id(), e.getMessage());
            }
        }
        log.info("Mutual-aid demo data loaded: {} enrolments, {} claims", enrolled.size(), made);
    }

    private List<MemberView> enrolUnit(CurrentUser admin, OrganisationView unit, CoverYear year) {
        List<MemberView> staff = members.search(unit.treePath(), MemberQuery.all(), 0, PageResult.MAX_SIZE).items();
        LocalDate paidOn = year.start().minusDays(10);
        List<StaffRow> rows = new ArrayList<>();
        List<MemberView> enrolled = new ArrayList<>();
        for (MemberView member : staff) {
            if (member.type() == MemberType.RETIRED) {
                CurrentUser self = new CurrentUser(0, "member:" + member.id(), member.name(), null, null, null,
                        member.id(), EnumSet.of(Role.MEMBER), false, true);
                enrolments.enrolSelf(self, ReferenceRules.RETIREE, year, 1, true, "DEMO", paidOn);
                enrolled.add(member);
            } else {
                rows.add(new StaffRow(rows.size() + 2, member.name(), members.reveal(unit.treePath(), member.id(),
                        PersonalField.ID_NUMBER)));
                enrolled.add(member);
            }
        }
        if (!rows.isEmpty()) {
            UnitEnrolmentResult result = enrolments.enrolUnit(admin, new UnitEnrolmentRequest(unit.id(),
                    ReferenceRules.INPATIENT, year, 1, rows.size(), paidOn, "DEMO-" + unit.code(), true), rows);
            if (!result.succeeded()) {
                log.warn("demo unit enrolment of {} refused: {}", unit.code(), result.problems());
            }
        }
        return enrolled;
    }

    private void demoClaim(CurrentUser admin, MemberView member, CoverYear year, int index) {
        LocalDate today = LocalDate.now();
        LocalDate admitted = today.minusDays(30 + index * 7L);
        if (admitted.isBefore(year.start())) {
            admitted = year.start();
        }
        LocalDate discharged = admitted.plusDays(6).isAfter(today) ? today : admitted.plusDays(6);
        String[] hospitals = {"宁波市第一医院", "宁波市李惠利医院", "宁波市第二医院", "宁波大学附属医院"};
        String[] costs = {"6000", "2400", "12800", "4500", "800", "3600"};
        members.changeBankAccount(member.id(), "62220238" + String.format("%011d", member.id()));
        ClaimForm form = new ClaimForm(ReferenceRules.INPATIENT, hospitals[index % hospitals.length], admitted, discharged,
                "急性阑尾炎", null, Money.of(costs[index]).times(3), Money.of(costs[index]).times(2), Money.of(costs[index]),
                "3302" + String.format("%010d", member.id() * 10 + index));
        CurrentUser self = new CurrentUser(0, "member:" + member.id(), member.name(), null, null, null, member.id(),
                EnumSet.of(Role.MEMBER), false, true);
        ClaimView claim = claims.submit(self, member.id(), form);
        for (DocumentType type : List.of(DocumentType.ID_CARD, DocumentType.INVOICE, DocumentType.SETTLEMENT_SHEET)) {
            claims.upload(self, claim.id(), type, BytesFile.png(type.name().toLowerCase() + ".png"));
        }
        switch (index % 3) {
            case 1 -> {
                claim = review.accept(admin, claim.id(), null);
                review.requestDocuments(admin, claim.id(), null,
                        List.of(DocumentType.DISCHARGE_RECORD, DocumentType.BANK_CARD), "请补交出院小结和银行卡照片", null);
            }
            case 2 -> {
                claim = review.accept(admin, claim.id(), null);
                review.approve(admin, claim.id(), null);
            }
            default -> {
                // left as submitted, for the queue
            }
        }
    }
}
