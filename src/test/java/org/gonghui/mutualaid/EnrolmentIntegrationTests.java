package org.gonghui.mutualaid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.gonghui.member.MemberType;
import org.gonghui.member.MemberView;
import org.gonghui.organisation.OrganisationView;
import org.gonghui.shared.DomainException;
import org.gonghui.support.IntegrationTest;
import org.gonghui.support.PlatformZone;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@IntegrationTest
class EnrolmentIntegrationTests {

    @Autowired
    MutualAidScenario scenario;
    @Autowired
    Enrolments enrolments;
    @Autowired
    Fund fund;
    @Autowired
    Plans plans;

    @Test
    void enrolsWholeUnitWithOnePaymentBookedIntoTheFund() {
        OrganisationView unit = scenario.newUnit("NB-HS-T01");
        List<MemberView> staff = scenario.hire(unit, 12, MemberType.IN_SERVICE);
        Money bankBefore = fund.balances(ReferenceRules.INPATIENT, scenario.year()).get(FundAccount.BANK);

        UnitEnrolmentResult result = enrolments.enrolUnit(scenario.admin(),
                scenario.request(unit, ReferenceRules.INPATIENT, 12), scenario.rows(staff));

        assertThat(result.succeeded()).isTrue();
        assertThat(result.enrolled()).isEqualTo(12);
        assertThat(result.amount()).isEqualTo(Money.of(720));
        assertThat(fund.balances(ReferenceRules.INPATIENT, scenario.year()).get(FundAccount.BANK))
                .isEqualTo(bankBefore.plus(Money.of(720)));
        EnrolmentView enrolment = enrolments.ofMember(staff.get(0).id()).get(0);
        assertThat(enrolment.channel()).isEqualTo("COLLECTIVE");
        assertThat(enrolment.effectiveFrom()).isEqualTo(scenario.year().start());
        assertThat(enrolment.certificateNo()).startsWith("INPATIENT-" + scenario.year().startYear() + "-");
    }

    @Test
    void refusesUnitBelowEightyPercentParticipation() {
        OrganisationView unit = scenario.newUnit("NB-HS-T01");
        List<MemberView> staff = scenario.hire(unit, 15, MemberType.IN_SERVICE);

        UnitEnrolmentResult result = enrolments.enrolUnit(scenario.admin(),
                scenario.request(unit, ReferenceRules.INPATIENT, 20), scenario.rows(staff));

        assertThat(result.succeeded()).isFalse();
        assertThat(result.required()).isEqualTo(16);
        assertThat(result.problems()).singleElement().satisfies(p -> {
            assertThat(p.code()).isEqualTo("mutualaid.enrol.participation");
            assertThat(p.args()).containsExactly("15", "20", "16");
        });
        assertThat(enrolments.ofMember(staff.get(0).id())).isEmpty();
    }

    @Test
    void smallUnitMustEnrolEveryone() {
        OrganisationView unit = scenario.newUnit("NB-HS-T01");
        List<MemberView> staff = scenario.hire(unit, 9, MemberType.IN_SERVICE);

        UnitEnrolmentResult result = enrolments.enrolUnit(scenario.admin(),
                scenario.request(unit, ReferenceRules.INPATIENT, 10), scenario.rows(staff));

        assertThat(result.succeeded()).isFalse();
        assertThat(result.required()).isEqualTo(10);
    }

    @Test
    void reportsBadRowsAndEnrolsNobody() {
        OrganisationView unit = scenario.newUnit("NB-HS-T01");
        OrganisationView elsewhere = scenario.newUnit("NB-JB-T01");
        List<MemberView> staff = scenario.hire(unit, 3, MemberType.IN_SERVICE);
        List<MemberView> stranger = scenario.hire(elsewhere, 1, MemberType.IN_SERVICE);
        List<StaffRow> rows = new ArrayList<>(scenario.rows(staff));
        rows.add(new StaffRow(5, "无效", "123"));
        rows.add(new StaffRow(6, stranger.get(0).name(), scenario.rows(stranger).get(0).idNumber()));
        rows.add(new StaffRow(7, staff.get(0).name(), rows.get(0).idNumber()));

        UnitEnrolmentResult result = enrolments.enrolUnit(scenario.admin(),
                scenario.request(unit, ReferenceRules.INPATIENT, 3), rows);

        assertThat(result.succeeded()).isFalse();
        assertThat(result.problems()).extracting(UnitEnrolmentResult.Problem::code).containsExactly(
                "mutualaid.enrol.id-invalid", "mutualaid.enrol.not-in-unit", "mutualaid.enrol.duplicate-row");
        assertThat(enrolments.ofMember(staff.get(0).id())).isEmpty();
    }

    @Test
    void enrolsMemberOnlyOncePerProjectAndYear() {
        List<MemberView> staff = scenario.enrolledStaff("NB-HS-T01", 2);
        OrganisationView unit = scenario.org("NB-HS-T01");

        UnitEnrolmentResult again = enrolments.enrolUnit(scenario.admin(),
                new UnitEnrolmentRequest(unit.id(), ReferenceRules.INPATIENT, scenario.year(), 1, 2, scenario.paidOn(),
                        "AGAIN", true), scenario.rows(staff));

        assertThat(again.problems()).extracting(UnitEnrolmentResult.Problem::code)
                .containsOnly("mutualaid.enrol.already");
    }

    @Test
    void addsNewHiresMidYearWithTheUnitsShares() {
        OrganisationView unit = scenario.newUnit("NB-HS-T01");
        List<MemberView> staff = scenario.hire(unit, 2, MemberType.IN_SERVICE);
        UnitEnrolmentResult first = enrolments.enrolUnit(scenario.admin(),
                scenario.request(unit, ReferenceRules.INPATIENT, 2), scenario.rows(staff));
        List<MemberView> hires = scenario.hire(unit, 1, MemberType.IN_SERVICE);

        UnitEnrolmentResult added = enrolments.addNewHires(scenario.admin(), first.unitId(), PlatformZone.today(),
                scenario.rows(hires));

        assertThat(added.enrolled()).isEqualTo(1);
        EnrolmentView hire = enrolments.ofMember(hires.get(0).id()).get(0);
        assertThat(hire.continuous()).isFalse();
        assertThat(hire.effectiveFrom()).isEqualTo(PlatformZone.today());
    }

    @Test
    void retireeEnrolsOnlineButInServiceMemberMayNot() {
        OrganisationView unit = scenario.newUnit("NB-HS-T01");
        MemberView retiree = scenario.hire(unit, 1, MemberType.RETIRED).get(0);
        MemberView worker = scenario.hire(unit, 1, MemberType.IN_SERVICE).get(0);

        EnrolmentView enrolment = enrolments.enrolSelf(MutualAidScenario.self(retiree), ReferenceRules.RETIREE,
                scenario.year(), 1, true, "PAY-1", PlatformZone.today());

        assertThat(enrolment.channel()).isEqualTo("INDIVIDUAL");
        assertThat(enrolment.continuous()).isFalse();
        assertThat(enrolment.coveredFrom()).isEqualTo(enrolment.effectiveFrom().plusDays(60));
        assertThatThrownBy(() -> enrolments.enrolSelf(MutualAidScenario.self(retiree), ReferenceRules.RETIREE,
                scenario.year(), 1, true, "PAY-2", PlatformZone.today()))
                .isInstanceOf(DomainException.class).hasMessageContaining("mutualaid.enrol.already");
        assertThatThrownBy(() -> enrolments.enrolSelf(MutualAidScenario.self(worker), ReferenceRules.INPATIENT,
                scenario.year(), 1, true, "PAY-3", PlatformZone.today()))
                .isInstanceOf(DomainException.class).hasMessageContaining("individual-retirees-only");
    }

    @Test
    void planInUseIsFrozen() {
        scenario.enrolledStaff("NB-HS-T01", 1);
        assertThatThrownBy(() -> plans.publish(scenario.admin(), ReferenceRules.inpatient(scenario.year())))
                .isInstanceOf(DomainException.class).hasMessageContaining("mutualaid.plan.frozen");
        assertThat(plans.require(ReferenceRules.INPATIENT, scenario.year()).rules())
                .isEqualTo(ReferenceRules.inpatient(scenario.year()));
    }
}
