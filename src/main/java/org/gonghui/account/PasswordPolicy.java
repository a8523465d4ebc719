package org.gonghui.account;

import java.util.Locale;
import org.gonghui.shared.DomainException;

/**
 * The password rule (MLPS 2.0 baseline): 8 to 64 characters, with letters and digits, not containing the
 * user name, and not one of the passwords everybody tries first.
 */
final class PasswordPolicy {

    static final int MIN_LENGTH = 8;
    static final int MAX_LENGTH = 64;

    private PasswordPolicy() {
    }

    static void check(String password, String username) {
        if (password == null || password.length() < MIN_LENGTH || password.length() > MAX_LENGTH) {
            throw DomainException.invalid("account.password.length", MIN_LENGTH, MAX_LENGTH);
        }
        boolean letter = password.chars().anyMatch(Character::isLetter);
        boolean digit = password.chars().anyMatch(Character::isDigit);
        if (!letter || !digit) {
            throw DomainException.invalid("account.password.weak");
        }
        String lower = password.toLowerCase(Locale.ROOT);
        if (username != null && username.length() >= 3 && lower.contains(username.toLowerCase(Locale.ROOT))) {
            throw DomainException.invalid("account.password.contains-username");
        }
        if (lower.startsWith("password") || lower.startsWith("12345678") || lower.startsWith("qwerty")) {
            throw DomainException.invalid("account.password.common");
        }
    }
}
