package org.gonghui.member;

import org.gonghui.shared.DomainException;
import org.gonghui.shared.crypto.Masking;

/** A mainland mobile number: 11 digits starting 13–19. */
public record PhoneNumber(String value) {

    public PhoneNumber {
        value = value == null ? null : value.trim().replace(" ", "").replace("-", "");
        if (value != null && value.startsWith("+86")) {
            value = value.substring(3);
        }
        if (value == null || !value.matches("1[3-9][0-9]{9}")) {
            throw DomainException.invalid("member.phone.invalid");
        }
    }

    public static boolean isValid(String text) {
        try {
            new PhoneNumber(text);
            return true;
        } catch (DomainException e) {
            return false;
        }
    }

    public String masked() {
        return Masking.phone(value);
    }

    @Override
    public String toString() {
        return masked();
    }
}
