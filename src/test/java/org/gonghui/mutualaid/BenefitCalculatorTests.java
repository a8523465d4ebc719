package org.gonghui.mutualaid;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.gonghui.mutualaid.BenefitCalculator.ClaimFacts;
import org.gonghui.mutualaid.BenefitCalculator.Cover;
import org.gonghui.mutualaid.BenefitCalculator.YearHistory;
import org.junit.jupiter.api.Test;

class BenefitCalculatorTests {

    private static final CoverYear Y2026 = new CoverYear(2026);
    private static final LocalDate JUNE = LocalDate.of(2026, 6, 10);

    private static ClaimFacts stay(LocalDate admitted, String selfPaid) {
        return new ClaimFacts(admitted, admitted.plusDays(7), admitted.plusDays(20), Money.of(selfPaid), null);
    }

    private static Cover continuing() {
        return new Cover(1, true, Y2026.start());
    }

    private static List<String> codes(Benefit benefit) {
        return benefit.lines().stream().map(ExplanationLine::code).toList();
    }

    @Test
    void paysEightyPercentBelowAndTenPercentAboveThresholdPlusFirstStaySubsidy() {
        Benefit benefit = BenefitCalculator.compute(ReferenceRules.inpatient(Y2026), continuing(), stay(JUNE, "6000"),
                YearHistory.none());

        assertThat(benefit.payable()).isTrue();
        assertThat(benefit.amount()).isEqualTo(Money.of("2900.00"));
        assertThat(benefit.lines()).extracting(ExplanationLine::code)
                .containsExactly("continuous", "below-threshold", "above-threshold", "first-stay", "total");
        assertThat(benefit.lines().get(1).amount()).isEqualTo(Money.of(2400));
        assertThat(benefit.lines().get(1).args()).containsExactly("80%", "3000.00", "3000.00");
        assertThat(benefit.lines().get(2).amount()).isEqualTo(Money.of(300));
        assertThat(benefit.lines().get(3).amount()).isEqualTo(Money.of(200));
    }

    @Test
    void paysFirstStaySubsidyOnlyOncePerCoverYear() {
        Benefit second = BenefitCalculator.compute(ReferenceRules.inpatient(Y2026), continuing(), stay(JUNE, "6000"),
                new YearHistory(Money.of(2900), Set.of(), Set.of(),
                        List.of(new BenefitCalculator.OtherStay(JUNE.minusDays(20), true, true, true))));

        assertThat(second.amount()).isEqualTo(Money.of("2700.00"));
        assertThat(codes(second)).contains("first-stay-granted").doesNotContain("first-stay");
    }

    @Test
    void paysRetireeFortyPercentOnFirstEnrolmentAfterWaitingPeriod() {
        PlanRules retiree = ReferenceRules.retiree(Y2026);
        Cover first = RenewalContinuity.cover(retiree, LocalDate.of(2026, 4, 20), false, 1);
        Benefit benefit = BenefitCalculator.compute(retiree, first, stay(LocalDate.of(2026, 8, 1), "6000"),
                YearHistory.none());

        assertThat(benefit.amount()).isEqualTo(Money.of("1500.00"));
        assertThat(codes(benefit)).containsExactly("waiting-passed", "below-threshold-first", "above-threshold", "total");
        assertThat(benefit.lines().get(1).args().get(0)).isEqualTo("40%");
    }

    @Test
    void paysRetireeFiftyPercentWhenRenewedInTime() {
        PlanRules retiree = ReferenceRules.retiree(Y2026);
        Cover renewed = RenewalContinuity.cover(retiree, LocalDate.of(2026, 5, 20), true, 1);
        Benefit benefit = BenefitCalculator.compute(retiree, renewed, stay(LocalDate.of(2026, 5, 25), "2000"),
                YearHistory.none());

        assertThat(renewed.continuous()).isTrue();
        assertThat(renewed.effectiveFrom()).isEqualTo(Y2026.start());
        assertThat(benefit.amount()).isEqualTo(Money.of("1000.00"));
    }

    @Test
    void renewalAfterGraceIsInterruptedAndWaitsAgain() {
        PlanRules retiree = ReferenceRules.retiree(Y2026);
        Cover late = RenewalContinuity.cover(retiree, LocalDate.of(2026, 6, 15), true, 1);
        Benefit benefit = BenefitCalculator.compute(retiree, late, stay(LocalDate.of(2026, 7, 1), "2000"),
                YearHistory.none());

        assertThat(late.continuous()).isFalse();
        assertThat(late.effectiveFrom()).isEqualTo(LocalDate.of(2026, 6, 15));
        assertThat(benefit.payable()).isFalse();
        assertThat(benefit.amount()).isEqualTo(Money.ZERO);
        assertThat(benefit.lines()).singleElement().satisfies(line -> {
            assertThat(line.code()).isEqualTo("waiting-period");
            assertThat(line.args()).containsExactly("60", "2026-06-15", "2026-08-14");
        });
    }

    @Test
    void paysSpecialDiseaseTenThousandPerShareOncePerDiseaseAndYear() {
        PlanRules serious = ReferenceRules.serious(Y2026);
        Cover twoShares = new Cover(2, false, LocalDate.of(2026, 5, 1));
        ClaimFacts diagnosis = new ClaimFacts(LocalDate.of(2026, 9, 1), LocalDate.of(2026, 9, 1),
                LocalDate.of(2026, 9, 20), Money.ZERO, "MALIGNANT_TUMOUR");

        Benefit first = BenefitCalculator.compute(serious, new Cover(1, false, LocalDate.of(2026, 5, 1)), diagnosis,
                YearHistory.none());
        Benefit withTwoShares = BenefitCalculator.compute(serious, twoShares, diagnosis, YearHistory.none());
        Benefit again = BenefitCalculator.compute(serious, twoShares, diagnosis,
                new YearHistory(Money.of(20000), Set.of("MALIGNANT_TUMOUR"), Set.of(), List.of()));

        assertThat(first.amount()).isEqualTo(Money.of(10000));
        assertThat(withTwoShares.amount()).isEqualTo(Money.of(20000));
        assertThat(again.payable()).isFalse();
        assertThat(codes(again)).contains("disease-already-paid");
    }

    @Test
    void refusesSpecialDiseaseWithinNinetyDayWaitingPeriod() {
        PlanRules women = ReferenceRules.women(Y2026);
        ClaimFacts early = new ClaimFacts(LocalDate.of(2026, 7, 1), LocalDate.of(2026, 7, 1), LocalDate.of(2026, 7, 5),
                Money.ZERO, "BREAST_CANCER");

        Benefit benefit = BenefitCalculator.compute(women, new Cover(1, false, LocalDate.of(2026, 5, 1)), early,
                YearHistory.none());

        assertThat(benefit.payable()).isFalse();
        assertThat(codes(benefit)).containsExactly("waiting-period");
    }

    @Test
    void refusesDiseaseNotListed() {
        ClaimFacts flu = new ClaimFacts(LocalDate.of(2026, 12, 1), LocalDate.of(2026, 12, 1), LocalDate.of(2026, 12, 5),
                Money.ZERO, "INFLUENZA");
        Benefit benefit = BenefitCalculator.compute(ReferenceRules.serious(Y2026), new Cover(1, true, Y2026.start()),
                flu, YearHistory.none());
        assertThat(codes(benefit)).containsExactly("continuous", "disease-not-listed");
    }

    @Test
    void refusesStayOutsideCoverYearAndLateClaim() {
        PlanRules rules = ReferenceRules.inpatient(Y2026);
        Benefit before = BenefitCalculator.compute(rules, continuing(), stay(LocalDate.of(2026, 4, 20), "1000"),
                YearHistory.none());
        ClaimFacts late = new ClaimFacts(JUNE, JUNE.plusDays(5), JUNE.plusDays(5 + 181), Money.of(1000), null);
        Benefit lateBenefit = BenefitCalculator.compute(rules, continuing(), late, YearHistory.none());

        assertThat(codes(before)).containsExactly("outside-cover");
        assertThat(codes(lateBenefit)).containsExactly("continuous", "late");
        assertThat(lateBenefit.payable()).isFalse();
    }

    @Test
    void capsTheYearsTotal() {
        PlanRules base = ReferenceRules.inpatient(Y2026);
        PlanRules capped = new PlanRules(base.project(), base.name(), Y2026, base.kind(), base.eligibility(),
                base.contributionPerShare(), 1, 0, 30, base.enrolmentOpens(), base.enrolmentCloses(), 180,
                new PlanRules.InpatientBenefit(Money.of(3000), base.inpatient().rateBelow(), base.inpatient().rateAbove(),
                        null, Money.of(200), Money.of(5000)), null, base.secondApprovalAbove());

        Benefit benefit = BenefitCalculator.compute(capped, continuing(), stay(JUNE, "6000"),
                new YearHistory(Money.of(3000), Set.of(), Set.of(),
                        List.of(new BenefitCalculator.OtherStay(JUNE.minusDays(20), true, true, true))));

        assertThat(benefit.amount()).isEqualTo(Money.of(2000));
        assertThat(codes(benefit)).containsSubsequence("annual-cap", "total");
    }

    @Test
    void sameRulesAndFactsAlwaysGiveSameAmountAndExplanation() {
        PlanRules rules = ReferenceRules.inpatient(Y2026);
        Benefit once = BenefitCalculator.compute(rules, continuing(), stay(JUNE, "4321.99"), YearHistory.none());
        Benefit again = BenefitCalculator.compute(rules, continuing(), stay(JUNE, "4321.99"), YearHistory.none());

        assertThat(again).isEqualTo(once);
        assertThat(once.amount()).isEqualTo(Money.of("2732.20"));
        assertThat(ExplanationLine.decodeAll(ExplanationLine.encodeAll(once.lines()))).isEqualTo(once.lines());
    }

    @Test
    void eachCoverYearKeepsItsOwnRules() {
        PlanRules y2026 = ReferenceRules.inpatient(Y2026);
        PlanRules base = ReferenceRules.inpatient(new CoverYear(2027));
        PlanRules y2027 = new PlanRules(base.project(), base.name(), base.coverYear(), base.kind(), base.eligibility(),
                Money.of(70), 1, 0, 30, base.enrolmentOpens(), base.enrolmentCloses(), 180,
                new PlanRules.InpatientBenefit(Money.of(3000), new java.math.BigDecimal("0.85"),
                        base.inpatient().rateAbove(), null, Money.of(200), null), null, base.secondApprovalAbove());

        Benefit stay2026 = BenefitCalculator.compute(y2026, continuing(), stay(JUNE, "3000"), YearHistory.none());
        Benefit stay2027 = BenefitCalculator.compute(y2027, new Cover(1, true, y2027.coverYear().start()),
                stay(JUNE.plusYears(1), "3000"), YearHistory.none());
        Benefit stay2026WithNewRules = BenefitCalculator.compute(y2027, continuing(), stay(JUNE, "3000"),
                YearHistory.none());

        assertThat(stay2026.amount()).isEqualTo(Money.of(2600));
        assertThat(stay2027.amount()).isEqualTo(Money.of(2750));
        assertThat(stay2026WithNewRules.payable()).as("2027 rules do not cover a 2026 stay").isFalse();
    }

    @Test
    void coverYearRunsFromMayToApril() {
        assertThat(CoverYear.of(LocalDate.of(2027, 4, 30))).isEqualTo(Y2026);
        assertThat(CoverYear.of(LocalDate.of(2026, 5, 1))).isEqualTo(Y2026);
        assertThat(CoverYear.of(LocalDate.of(2026, 4, 30))).isEqualTo(new CoverYear(2025));
    }
}
