package org.gonghui.account;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.gonghui.shared.DomainException;
import org.junit.jupiter.api.Test;

class PasswordPolicyTests {

    @Test
    void acceptsLettersAndDigitsOfEightOrMore() {
        assertThatCode(() -> PasswordPolicy.check("Ningbo2026", "haishu")).doesNotThrowAnyException();
    }

    @Test
    void refusesShortWeakCommonOrNameBasedPasswords() {
        assertCode("abc123", "account.password.length");
        assertCode("abcdefghij", "account.password.weak");
        assertCode("1234567890", "account.password.weak");
        assertCode("password1", "account.password.common");
        assertCode("haishu2026", "account.password.contains-username");
    }

    private static void assertCode(String password, String code) {
        assertThatThrownBy(() -> PasswordPolicy.check(password, "haishu")).isInstanceOf(DomainException.class)
                .extracting(e -> ((DomainException) e).code()).isEqualTo(code);
    }
}
