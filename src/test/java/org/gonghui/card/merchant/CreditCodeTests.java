package org.gonghui.card.merchant;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CreditCodeTests {

    @Test
    void aPublishedCodeIsValidAndEverySingleCharacterChangeIsCaught() {
        String code = "91350100M000100Y43";
        assertThat(CreditCode.isValid(code)).isTrue();
        assertThat(CreditCode.normalise(" 91350100m000100y43 ")).isEqualTo(code);
        for (int i = 0; i < 18; i++) {
            for (char c : CreditCode.ALPHABET.toCharArray()) {
                if (c != code.charAt(i)) {
                    String changed = code.substring(0, i) + c + code.substring(i + 1);
                    assertThat(CreditCode.isValid(changed)).as(changed).isFalse();
                }
            }
        }
    }

    @Test
    void wrongLengthsAndLettersOutsideTheAlphabetAreRefused() {
        assertThat(CreditCode.isValid(null)).isFalse();
        assertThat(CreditCode.isValid("91350100M000100Y4")).isFalse();
        assertThat(CreditCode.isValid("91350100M000100Y433")).isFalse();
        assertThat(CreditCode.isValid("91350100I000100Y43")).as("I is not in the alphabet").isFalse();
        assertThat(CreditCode.normalise("")).isNull();
        String body = "91330200123456789";
        assertThat(CreditCode.isValid(body + CreditCode.checkFor(body))).isTrue();
    }
}
