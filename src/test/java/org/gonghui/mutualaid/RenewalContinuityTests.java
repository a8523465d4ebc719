package org.gonghui.mutualaid;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.gonghui.mutualaid.BenefitCalculator.Cover;
import org.junit.jupiter.api.Test;

/** The renewal grace at its boundary: last cover ended 30 April 2026; 30 days after keeps continuity, 31 does not. */
class RenewalContinuityTests {

    private static final CoverYear Y2026 = new CoverYear(2026);
    private static final LocalDate EXPIRY = new CoverYear(2025).end();

    private static Cover renewedAfter(int days) {
        return RenewalContinuity.cover(ReferenceRules.retiree(Y2026), EXPIRY.plusDays(days), true, 1);
    }

    @Test
    void renewedOnDay29AfterExpiryKeepsContinuity() {
        Cover cover = renewedAfter(29);

        assertThat(cover.continuous()).isTrue();
        assertThat(cover.effectiveFrom()).isEqualTo(Y2026.start());
    }

    @Test
    void renewedOnDay30AfterExpiryKeepsContinuity() {
        Cover cover = renewedAfter(30);

        assertThat(EXPIRY.plusDays(30)).isEqualTo(LocalDate.of(2026, 5, 30));
        assertThat(cover.continuous()).isTrue();
        assertThat(cover.effectiveFrom()).isEqualTo(Y2026.start());
    }

    @Test
    void renewedOnDay31AfterExpiryStartsANewWaitingPeriod() {
        PlanRules retiree = ReferenceRules.retiree(Y2026);
        Cover cover = renewedAfter(31);
        Benefit stayDuringWaiting = BenefitCalculator.compute(retiree, cover, new BenefitCalculator.ClaimFacts(
                LocalDate.of(2026, 6, 20), LocalDate.of(2026, 6, 25), LocalDate.of(2026, 7, 1), Money.of(1000), null),
                BenefitCalculator.YearHistory.none());

        assertThat(cover.continuous()).isFalse();
        assertThat(cover.effectiveFrom()).isEqualTo(LocalDate.of(2026, 5, 31));
        assertThat(stayDuringWaiting.payable()).isFalse();
        assertThat(stayDuringWaiting.lines()).extracting(ExplanationLine::code).containsExactly("waiting-period");
    }

    @Test
    void notEnrolledLastYearIsAFirstEnrolmentEvenWithinTheGrace() {
        Cover cover = RenewalContinuity.cover(ReferenceRules.retiree(Y2026), EXPIRY.plusDays(1), false, 1);

        assertThat(cover.continuous()).isFalse();
    }
}
