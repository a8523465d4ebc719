package org.gonghui.card.merchant;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OutletHoursTests {

    static boolean ok(String hours) {
        return CardMerchants.HOURS.matcher(hours).matches();
    }

    @Test
    void rangesOfHoursAndMinutesAreAccepted() {
        assertThat(ok("09:00-21:00")).isTrue();
        assertThat(ok("09:30-24:00")).isTrue();
        assertThat(ok("18:00-02:00")).as("past midnight").isTrue();
        assertThat(ok("10:00-14:00, 17:00-21:30")).isTrue();
        assertThat(ok("10:00-14:00，17:00-21:30")).isTrue();
        assertThat(ok("10:00 至 22:00")).isTrue();
        assertThat(ok("全天")).isTrue();
        assertThat(ok("24小时")).isTrue();
    }

    @Test
    void anythingElseIsRefused() {
        assertThat(ok("9-21")).isFalse();
        assertThat(ok("9:00-21:00")).isFalse();
        assertThat(ok("09:00-25:00")).isFalse();
        assertThat(ok("24:00-09:00")).isFalse();
        assertThat(ok("09:60-21:00")).isFalse();
        assertThat(ok("09:00-21:00,")).isFalse();
        assertThat(ok("营业中")).isFalse();
        assertThat(ok("09:00-21:00 <script>")).isFalse();
    }
}
