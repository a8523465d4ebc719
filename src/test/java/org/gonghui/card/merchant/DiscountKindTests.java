package org.gonghui.card.merchant;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DiscountKindTests {

    @Test
    void discountsAreExactInFenAndNeverMoreThanTheBill() {
        assertThat(DiscountKind.PERCENT.discountOn(8_999, 20)).isEqualTo(1_799); // 20% of 89.99 = 17.998, down to fen
        assertThat(DiscountKind.AMOUNT.discountOn(3_000, 1_000)).isEqualTo(1_000);
        assertThat(DiscountKind.AMOUNT.discountOn(500, 1_000)).isEqualTo(500);
        assertThat(DiscountKind.MEMBER_PRICE.discountOn(4_500, 1_990)).isEqualTo(2_510);
        assertThat(DiscountKind.MEMBER_PRICE.discountOn(1_000, 1_990)).isZero();
        assertThat(DiscountKind.PERCENT.validAmount(100)).isFalse();
        assertThat(DiscountKind.AMOUNT.validAmount(0)).isFalse();
    }

    @Test
    void aCampaignsBudgetIsSplitIntoShardsThatAddUpAndHoldWholeDiscounts() {
        long[] amount = Offers.shards(DiscountKind.AMOUNT, 1_000, 30_000, 16);
        assertThat(amount).hasSize(16);
        assertThat(java.util.Arrays.stream(amount).sum()).isEqualTo(30_000);
        assertThat(java.util.Arrays.stream(amount).allMatch(s -> s % 1_000 == 0)).isTrue();
        long[] odd = Offers.shards(DiscountKind.AMOUNT, 1_000, 30_500, 16);
        assertThat(java.util.Arrays.stream(odd).sum()).isEqualTo(30_500);
        long[] few = Offers.shards(DiscountKind.AMOUNT, 1_000, 3_000, 16);
        assertThat(few).containsExactly(1_000, 1_000, 1_000);
        long[] percent = Offers.shards(DiscountKind.PERCENT, 20, 100_001, 16);
        assertThat(java.util.Arrays.stream(percent).sum()).isEqualTo(100_001);
    }
}
