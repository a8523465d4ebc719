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
import org.gonghui.shared.time.PlatformTime;
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
    private final PlatformTime time;

    MutualAidDemoData(Plans plans, Enrolments enrolments, Claims claims, ClaimReview review, Members members,
            Organisations organisations, TransactionTemplate transactions, PlatformTime time) {
        this.time = time;
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

    private enum Stage { SUBMITTED, UNDER_REVIEW, AWAITING_DOCUMENTS, APPROVED, AWAITING_SECOND_APPROVAL, REJECTED }

    private void load() {
        OrganisationView city = organisations.findByCode("NB").orElseThrow();
        CurrentUser admin = new CurrentUser(0, "system", "system", null, city.id(), city.path(), null,
                EnumSet.of(Role.ADMIN, Role.STAFF, Role.REVIEWER), false, true);
        CoverYear year = CoverYear.of(time.today());
        for (PlanRules rules : ReferenceRules.ningbo(year.previous())) {
            plans.publish(admin, rules);
        }
        for (PlanRules rules : ReferenceRules.ningbo(year)) {
            plans.publish(admin, rules);
        }
        List<MemberView> enrolled = new ArrayList<>();
        for (String district : List.of("NB-HS", "NB-JB")) {
            OrganisationView top = organisations.findByCode(district).orElseThrow();
            for (OrganisationView township : organisations.children(top.id())) {
                for (OrganisationView point : organisations.children(township.id())) {
                    enrolled.addAll(enrolUnit(admin, point, year));
                }
            }
        }
        int made = 0;
        MemberView demo = demoMember().orElse(null);
        if (demo != null && enrolled.stream().anyMatch(m -> m.id() == demo.id())) {
            for (Stage stage : List.of(Stage.AWAITING_DOCUMENTS, Stage.APPROVED, Stage.SUBMITTED)) {
                made += demoClaim(admin, demo, year, made, stage) ? 1 : 0;
            }
        }
        Stage[] stages = Stage.values();
        int other = 0;
        for (MemberView member : enrolled) {
            if (other >= 12) {
                break;
            }
            if (demo != null && member.id() == demo.id()) {
                continue;
            }
            if (demoClaim(admin, member, year, made, stages[other % stages.length])) {
                made++;
                other++;
            }
        }
        log.info("Mutual-aid demo data loaded: {} enrolments, {} claims", enrolled.size(), made);
    }

    /** The member the sign-in page offers (see the platform's demo data): the first at Haishu's first enterprise. */
    private java.util.Optional<MemberView> demoMember() {
        return organisations.findByCode("NB-HS-T01-E1").flatMap(point -> {
            List<MemberView> all = members.search(point.treePath(), MemberQuery.all(), 0, PageResult.MAX_SIZE).items();
            return all.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(all.get(all.size() - 1));
        });
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

    private boolean demoClaim(CurrentUser admin, MemberView member, CoverYear year, int index, Stage stage) {
        try {
            claimAt(admin, member, year, index, stage);
            return true;
        } catch (DomainException e) {
            log.debug("demo claim for member {} skipped: {}", member.id(), e.getMessage());
            return false;
        }
    }

    private void claimAt(CurrentUser admin, MemberView member, CoverYear year, int index, Stage stage) {
        LocalDate today = time.today();
        LocalDate admitted = today.minusDays(20 + (index % 8) * 9L);
        if (admitted.isBefore(year.start())) {
            admitted = year.start();
        }
        LocalDate discharged = admitted.plusDays(6).isAfter(today) ? today : admitted.plusDays(6);
        String[] hospitals = {"宁波市第一医院", "宁波市李惠利医院", "宁波市第二医院", "宁波大学附属医院", "宁波市医疗中心李惠利东部医院"};
        String[] diagnoses = {"急性阑尾炎", "肺炎", "腰椎间盘突出", "冠心病", "胆囊结石"};
        String selfPaid = stage == Stage.AWAITING_SECOND_APPROVAL ? "58000" : new String[] {"6000", "2400", "12800", "4500",
                "1800", "3600", "9200"}[index % 7];
        String project = enrolments.ofMember(member.id()).stream().filter(e -> e.coverYear().equals(year))
                .map(EnrolmentView::project).findFirst().orElse(ReferenceRules.INPATIENT);
        members.changeBankAccount(member.id(), "62220238" + String.format("%011d", member.id()));
        Money self = Money.of(selfPaid);
        ClaimForm form = new ClaimForm(project, hospitals[index % hospitals.length], admitted, discharged,
                diagnoses[index % diagnoses.length], null, self.times(3), self.times(2), self,
                "3302" + String.format("%010d", member.id() * 100 + index));
        CurrentUser self2 = new CurrentUser(0, "member:" + member.id(), member.name(), null, null, null, member.id(),
                EnumSet.of(Role.MEMBER), false, true);
        ClaimView claim = claims.submit(self2, member.id(), form);
        boolean decided = stage == Stage.APPROVED || stage == Stage.AWAITING_SECOND_APPROVAL || stage == Stage.REJECTED;
        for (DocumentType type : decided ? DocumentChecklist.required(claim.type())
                : List.of(DocumentType.ID_CARD, DocumentType.INVOICE, DocumentType.SETTLEMENT_SHEET)) {
            claims.upload(self2, claim.id(), type, BytesFile.png(type.name().toLowerCase(java.util.Locale.ROOT) + ".png"));
        }
        if (stage == Stage.SUBMITTED) {
            return;
        }
        review.accept(admin, claim.id(), null);
        switch (stage) {
            case AWAITING_DOCUMENTS -> review.requestDocuments(admin, claim.id(), null,
                    List.of(DocumentType.DISCHARGE_RECORD, DocumentType.BANK_CARD), "请补交出院小结和银行卡照片", null);
            case APPROVED -> review.approve(admin, claim.id(), null);
            case AWAITING_SECOND_APPROVAL -> review.approve(new CurrentUser(0, "haishu", "海曙区工作人员", null,
                    admin.orgId(), admin.orgPath(), null, EnumSet.of(Role.STAFF, Role.REVIEWER), false, true), claim.id(), null);
            case REJECTED -> review.reject(admin, claim.id(), null, "住院费用发票与结算单金额不一致");
            default -> {
                // under review
            }
        }
    }
}
