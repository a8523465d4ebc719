package org.gonghui.mutualaid;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.gonghui.member.MemberType;
import org.gonghui.member.MemberView;
import org.gonghui.member.Members;
import org.gonghui.member.NewMember;
import org.gonghui.organisation.OrganisationKind;
import org.gonghui.organisation.OrganisationView;
import org.gonghui.organisation.Organisations;
import org.gonghui.shared.security.CurrentUser;
import org.gonghui.shared.security.Role;
import org.gonghui.support.Fixtures;
import org.gonghui.support.PlatformZone;
import org.springframework.stereotype.Component;

/**
 * Builds mutual-aid situations for integration tests on top of the demo data (which publishes this cover
 * year's plans): a fresh enterprise union with its staff, enrolled collectively; claims with documents.
 * Dates are relative to today so the tests hold in any year.
 */
@Component
class MutualAidScenario {

    private static final AtomicInteger UNITS = new AtomicInteger();

    final Organisations organisations;
    final Members members;
    final Enrolments enrolments;
    final Claims claims;
    final ClaimReview review;

    MutualAidScenario(Organisations organisations, Members members, Enrolments enrolments, Claims claims,
            ClaimReview review) {
        this.organisations = organisations;
        this.members = members;
        this.enrolments = enrolments;
        this.claims = claims;
        this.review = review;
    }

    CoverYear year() {
        return CoverYear.of(PlatformZone.today());
    }

    LocalDate paidOn() {
        return year().start().minusDays(10);
    }

    OrganisationView org(String code) {
        return organisations.findByCode(code).orElseThrow();
    }

    CurrentUser admin() {
        return Fixtures.staffAt(org("NB"), Role.ADMIN, Role.STAFF, Role.REVIEWER);
    }

    CurrentUser reviewer(String code) {
        return Fixtures.staffAt(org(code), Role.STAFF, Role.REVIEWER);
    }

    /** A new enterprise union under the given township. */
    OrganisationView newUnit(String townshipCode) {
        OrganisationView township = org(townshipCode);
        int n = UNITS.incrementAndGet();
        return organisations.create(org("NB").treePath(), township.id(), OrganisationKind.ENTERPRISE,
                "测试企业" + n + "工会", townshipCode + "-X" + n + "-" + System.nanoTime() % 100000);
    }

    List<MemberView> hire(OrganisationView unit, int count, MemberType type) {
        List<MemberView> hired = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            hired.add(members.register(org("NB").treePath(), new NewMember("测试" + Fixtures.unique("员"),
                    Fixtures.newIdNumber(), Fixtures.newPhone(), unit.id(), type, PlatformZone.today().minusYears(3), null)));
        }
        return hired;
    }

    List<StaffRow> rows(List<MemberView> staff) {
        List<StaffRow> rows = new ArrayList<>();
        for (MemberView member : staff) {
            rows.add(new StaffRow(rows.size() + 2, member.name(), members.revealOwn(member.id(),
                    org.gonghui.member.PersonalField.ID_NUMBER)));
        }
        return rows;
    }

    UnitEnrolmentRequest request(OrganisationView unit, String project, int insured) {
        return new UnitEnrolmentRequest(unit.id(), project, year(), 1, insured, paidOn(), "TEST", true);
    }

    /** A unit under Haishu's first township with {@code size} in-service staff, all enrolled in the inpatient plan. */
    List<MemberView> enrolledStaff(String townshipCode, int size) {
        OrganisationView unit = newUnit(townshipCode);
        List<MemberView> staff = hire(unit, size, MemberType.IN_SERVICE);
        UnitEnrolmentResult result = enrolments.enrolUnit(admin(), request(unit, ReferenceRules.INPATIENT, size),
                rows(staff));
        if (!result.succeeded()) {
            throw new IllegalStateException(result.problems().toString());
        }
        return staff;
    }

    static CurrentUser self(MemberView member) {
        return new CurrentUser(700_000 + member.id(), "member:" + member.id(), member.name(), null, null, null,
                member.id(), EnumSet.of(Role.MEMBER), false, true);
    }

    /** A hospital stay that ended a few days ago, within this cover year. */
    ClaimForm stay(String selfPaid) {
        LocalDate today = PlatformZone.today();
        LocalDate admitted = today.minusDays(12).isBefore(year().start()) ? year().start() : today.minusDays(12);
        LocalDate discharged = admitted.plusDays(5).isAfter(today) ? today : admitted.plusDays(5);
        Money self = Money.of(selfPaid);
        return new ClaimForm(ReferenceRules.INPATIENT, "宁波市第一医院", admitted, discharged, "肺炎", null,
                self.times(2), self, self, Fixtures.unique("INV"));
    }

    /** A hospital stay admitted {@code daysAgo} days ago (not before the cover year), discharged two days later. */
    ClaimForm stayAdmitted(int daysAgo, String selfPaid) {
        LocalDate today = PlatformZone.today();
        LocalDate admitted = today.minusDays(daysAgo).isBefore(year().start()) ? year().start() : today.minusDays(daysAgo);
        LocalDate discharged = admitted.plusDays(2).isAfter(today) ? today : admitted.plusDays(2);
        Money self = Money.of(selfPaid);
        return new ClaimForm(ReferenceRules.INPATIENT, "宁波市第二医院", admitted, discharged, "胆囊结石", null,
                self.times(2), self, self, Fixtures.unique("INV"));
    }

    ClaimView submit(MemberView member, String selfPaid) {
        return claims.submit(self(member), member.id(), stay(selfPaid));
    }

    /** Submitted with every document of its checklist uploaded. */
    ClaimView submitComplete(MemberView member, ClaimForm form) {
        ClaimView claim = claims.submit(self(member), member.id(), form);
        for (DocumentType type : DocumentChecklist.required(claim.type())) {
            claims.upload(self(member), claim.id(), type, BytesFile.png(type.name().toLowerCase(java.util.Locale.ROOT) + ".png"));
        }
        return claim;
    }

    ClaimView submitComplete(MemberView member, String selfPaid) {
        return submitComplete(member, stay(selfPaid));
    }

    /** Accepted and approved (by two reviewers when the amount needs it). */
    ClaimView approve(ClaimView claim) {
        CurrentUser first = admin();
        if (claim.status() == ClaimStatus.SUBMITTED) {
            review.accept(first, claim.id(), null);
        }
        ClaimView view = review.approve(first, claim.id(), null);
        if (view.status() == ClaimStatus.AWAITING_SECOND_APPROVAL) {
            view = review.approve(admin(), claim.id(), null);
        }
        return view;
    }

    /** Submitted with its documents, accepted and approved (by two reviewers when the amount needs it). */
    ClaimView approved(MemberView member, String selfPaid) {
        ClaimView claim = submitComplete(member, selfPaid);
        CurrentUser first = admin();
        review.accept(first, claim.id(), null);
        ClaimView view = review.approve(first, claim.id(), null);
        if (view.status() == ClaimStatus.AWAITING_SECOND_APPROVAL) {
            view = review.approve(admin(), claim.id(), null);
        }
        return view;
    }
}
