package org.gonghui.card.merchant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class ReviewRuleTests {

    final ReviewRule rule = new ReviewRule(0.3, 0.3, 0.2, 0.2, 300, 3, 60, 60);

    @Test
    void aPerfectQuarterScoresAHundred() {
        var score = rule.score(new ReviewRule.Inputs(450, new BigDecimal("5.00"), 0, new BigDecimal("100")));
        assertThat(score.score()).isEqualByComparingTo("100.00");
        assertThat(score.flagged()).isFalse();
    }

    @Test
    void eachPartCountsByItsWeight() {
        // half the target, 4 stars, one upheld complaint of three, inspections at 80
        var score = rule.score(new ReviewRule.Inputs(150, new BigDecimal("4.00"), 1, new BigDecimal("80")));
        double expected = 100 * (0.3 * 0.5 + 0.3 * 0.75 + 0.2 * (2.0 / 3) + 0.2 * 0.8);
        assertThat(score.score()).isEqualByComparingTo(BigDecimal.valueOf(expected).setScale(2, java.math.RoundingMode.HALF_UP));
    }

    @Test
    void withoutRatingsOrInspectionsTheNeutralValuesCount() {
        var score = rule.score(new ReviewRule.Inputs(300, null, 0, null));
        // 3 stars = 0.5, inspection at the pass mark 60 = 0.6
        assertThat(score.score()).isEqualByComparingTo("77.00");
    }

    @Test
    void upheldComplaintsAtTheThresholdOrALowScoreFlagForExit() {
        var complaints = rule.score(new ReviewRule.Inputs(450, new BigDecimal("5"), 3, new BigDecimal("100")));
        assertThat(complaints.flagged()).isTrue();
        assertThat(complaints.reasons()).containsExactly("card.merchant.flag.complaints");
        var low = rule.score(new ReviewRule.Inputs(0, new BigDecimal("1"), 0, new BigDecimal("50")));
        assertThat(low.score()).isEqualByComparingTo("30.00");
        assertThat(low.reasons()).containsExactly("card.merchant.flag.score");
    }

    @Test
    void weightsAreNormalisedAndMustMakeSense() {
        var doubled = new ReviewRule(0.6, 0.6, 0.4, 0.4, 300, 3, 60, 60);
        var in = new ReviewRule.Inputs(150, new BigDecimal("4.00"), 1, new BigDecimal("80"));
        assertThat(doubled.score(in).score()).isEqualByComparingTo(rule.score(in).score());
        assertThatThrownBy(() -> new ReviewRule(0, 0, 0, 0, 300, 3, 60, 60)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ReviewRule(-1, 1, 1, 1, 300, 3, 60, 60)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ReviewRule(1, 1, 1, 1, 0, 3, 60, 60)).isInstanceOf(IllegalArgumentException.class);
    }
}
