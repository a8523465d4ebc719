package org.gonghui.card;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.gonghui.shared.DomainException;
import org.junit.jupiter.api.Test;

class CardNumberTests {

    @Test
    void acceptsBankCardNumbersWithARightCheckDigit() {
        assertThat(CardNumber.isValid("4111111111111111")).isTrue(); // the classic test Visa number
        assertThat(CardNumber.isValid("6217 0000 0000 0000 009")).isFalse();
        assertThat(new CardNumber("6222 0212 3456 7890 128").value()).hasSize(19);
    }

    @Test
    void refusesAWrongCheckDigitAndEveryOtherSingleDigitChange() {
        String good = "6217000011112222" ;
        good = good.substring(0, 15) + CardNumber.checkDigit(good.substring(0, 15));
        assertThat(CardNumber.isValid(good)).isTrue();
        for (int i = 0; i < good.length(); i++) {
            for (char d = '0'; d <= '9'; d++) {
                if (d != good.charAt(i)) {
                    String changed = good.substring(0, i) + d + good.substring(i + 1);
                    assertThat(CardNumber.isValid(changed)).as(changed).isFalse();
                }
            }
        }
    }

    @Test
    void refusesWrongLengthsAndNonDigits() {
        for (String bad : new String[] {null, "", "411111111111111", "41111111111111111111", "4111-1111-1111-1111",
                "411111111111111a", "４１１１１１１１１１１１１１１１"}) {
            assertThat(CardNumber.isValid(bad)).as(String.valueOf(bad)).isFalse();
        }
        assertThatThrownBy(() -> new CardNumber("4111111111111112")).isInstanceOf(DomainException.class)
                .hasMessageContaining("card.number.invalid");
    }

    @Test
    void showsOnlyTheLastFourDigits() {
        CardNumber number = new CardNumber("4111111111111111");
        assertThat(number.masked()).isEqualTo("************1111");
        assertThat(number.toString()).doesNotContain("41111");
    }

    @Test
    void theCheckDigitCompletesEveryLength() {
        for (int length = 16; length <= 19; length++) {
            String body = "62170".repeat(4).substring(0, length - 1);
            assertThat(CardNumber.isValid(body + CardNumber.checkDigit(body))).isTrue();
        }
    }
}
