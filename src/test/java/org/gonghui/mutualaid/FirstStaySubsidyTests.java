package org.gonghui.mutualaid;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.gonghui.mutualaid.BenefitCalculator.ClaimFacts;
import org.gonghui.mutualaid.BenefitCalculator.Cover;
import org.gonghui.mutualaid.BenefitCalculator.OtherStay;
import org.gonghui.mutualaid.BenefitCalculator.YearHistory;
import org.gonghui.mutualaid.ClaimRecords.YearClaim;
import org.junit.jupiter.api.Test;

/**
 * The first-stay subsidy belongs to the earliest stay of the cover year whatever the order of review, is
 * paid once a year, and a special disease is claimed once a year — each rule at its boundary.
 */
class FirstStaySubsidyTests {

    private static final CoverYear Y2026 = new CoverYear(2026);
    private static final LocalDate JUNE_10 = LocalDate.of(2026, 6, 10);
    private static final Cover CONTINUING = new Cover(1, true, Y2026.start());

    private static Benefit stay(LocalDate admitted, OtherStay... others) {
        return BenefitCalculator.compute(ReferenceRules.inpatient(Y2026), CONTINUING,
                new ClaimFacts(admitted, admitted.plusDays(3), admitted.plusDays(20), Money.of(1000), null),
                new YearHistory(Money.ZERO, Set.of(), Set.of(), List.of(others)));
    }

    private static ExplanationLine subsidyLine(Benefit benefit) {
        return benefit.lines().stream().filter(l -> l.code().startsWith("first-stay")).findFirst().orElseThrow();
    }

    private static OtherStay open(LocalDate admitted, boolean filedBefore) {
        return new OtherStay(admitted, filedBefore, false, false);
    }

    @Test
    void theOnlyStayOfTheYearGetsTheSubsidy() {
        Benefit benefit = stay(JUNE_10);

        assertThat(subsidyLine(benefit).code()).isEqualTo("first-stay");
        assertThat(benefit.amount()).isEqualTo(Money.of(1000));
    }

    @Test
    void anOpenStayAdmittedOneDayEarlierKeepsTheSubsidyWhateverWasFiledFirst() {
        Benefit later = stay(JUNE_10, open(JUNE_10.minusDays(1), false));

        assertThat(subsidyLine(later).code()).isEqualTo("first-stay-earlier");
        assertThat(subsidyLine(later).args()).containsExactly("200.00", "2026-06-09");
        assertThat(subsidyLine(later).amount()).isNull();
        assertThat(later.amount()).isEqualTo(Money.of(800));
    }

    @Test
    void anOpenStayAdmittedOneDayLaterDoesNotTakeIt() {
        Benefit earlier = stay(JUNE_10, open(JUNE_10.plusDays(1), true));

        assertThat(subsidyLine(earlier).code()).isEqualTo("first-stay");
        assertThat(earlier.amount()).isEqualTo(Money.of(1000));
    }

    @Test
    void onTheSameAdmissionDayTheClaimFiledFirstHoldsIt() {
        assertThat(subsidyLine(stay(JUNE_10, open(JUNE_10, true))).code()).isEqualTo("first-stay-earlier");
        assertThat(subsidyLine(stay(JUNE_10, open(JUNE_10, false))).code()).isEqualTo("first-stay");
    }

    @Test
    void aLaterStayAlreadyGrantedWithTheSubsidyMeansAnEarlierOneFiledAfterwardsDoesNotGetItAgain() {
        Benefit earlierFiledLate = stay(JUNE_10, new OtherStay(JUNE_10.plusDays(30), true, true, true));

        assertThat(subsidyLine(earlierFiledLate).code()).isEqualTo("first-stay-granted");
        assertThat(subsidyLine(earlierFiledLate).args()).containsExactly("200.00", "2026-07-10");
        assertThat(earlierFiledLate.amount()).isEqualTo(Money.of(800));
    }

    @Test
    void anEarlierStayDecidedWithoutTheSubsidyDoesNotBlockIt() {
        Benefit benefit = stay(JUNE_10, new OtherStay(JUNE_10.minusDays(5), true, true, false));

        assertThat(subsidyLine(benefit).code()).isEqualTo("first-stay");
    }

    @Test
    void rejectedClaimsAreNotStaysOfTheYearAndOpenDiseasesCountOnlyWhenFiledBefore() {
        List<YearClaim> year = List.of(
                new YearClaim(10, 1, JUNE_10.minusDays(3), ClaimStatus.UNDER_REVIEW, "", new java.math.BigDecimal("30000"),
                        "MALIGNANT_TUMOUR"),
                new YearClaim(12, 1, JUNE_10, ClaimStatus.PAID, "first-stay|200.00|200.00",
                        new java.math.BigDecimal("1000"), null),
                new YearClaim(14, 1, JUNE_10, ClaimStatus.SUBMITTED, "", new java.math.BigDecimal("10000"), "UREMIA"));

        YearHistory seenFrom11 = ClaimRecords.history(year, 11L);
        YearHistory seenFromNew = ClaimRecords.history(year, null);

        assertThat(seenFrom11.diseasesClaimed()).containsExactly("MALIGNANT_TUMOUR");
        assertThat(seenFromNew.diseasesClaimed()).containsExactlyInAnyOrder("MALIGNANT_TUMOUR", "UREMIA");
        assertThat(seenFrom11.paidThisYear()).isEqualTo(Money.of(1000));
        assertThat(seenFrom11.otherStays()).hasSize(3).filteredOn(OtherStay::withSubsidy).singleElement()
                .satisfies(s -> assertThat(s.admitted()).isEqualTo(JUNE_10));
    }

    @Test
    void aSpecialDiseaseAlreadyClaimedThisYearIsNotPayableAgain() {
        ClaimFacts diagnosis = new ClaimFacts(LocalDate.of(2026, 9, 1), LocalDate.of(2026, 9, 1),
                LocalDate.of(2026, 9, 20), Money.ZERO, "MALIGNANT_TUMOUR");
        Cover cover = new Cover(3, true, Y2026.start());

        Benefit again = BenefitCalculator.compute(ReferenceRules.serious(Y2026), cover, diagnosis,
                new YearHistory(Money.ZERO, Set.of(), Set.of("MALIGNANT_TUMOUR"), List.of()));
        Benefit otherDisease = BenefitCalculator.compute(ReferenceRules.serious(Y2026), cover, diagnosis,
                new YearHistory(Money.ZERO, Set.of(), Set.of("UREMIA"), List.of()));

        assertThat(again.payable()).isFalse();
        assertThat(again.lines()).extracting(ExplanationLine::code).endsWith("disease-already-claimed");
        assertThat(otherDisease.amount()).isEqualTo(Money.of(30000));
    }
}
