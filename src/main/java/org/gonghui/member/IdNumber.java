package org.gonghui.member;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.Period;
import java.util.Locale;
import org.gonghui.shared.DomainException;
import org.gonghui.shared.crypto.Masking;

/**
 * A resident ID-card number (居民身份证号码) to GB 11643-1999: a 6-digit area code, an 8-digit birth date, a
 * 3-digit sequence (odd for men) and a check character by ISO 7064 MOD 11-2. Gender and birth date are
 * read from the number, never typed twice.
 */
public record IdNumber(String value) {

    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final char[] CHECK = {'1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2'};
    private static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);
    /**
     * A plausibility check must not depend on the server's zone: a birth date that is already today anywhere on
     * earth is not refused.
     */
    private static final java.time.ZoneOffset LATEST = java.time.ZoneOffset.MAX;

    public IdNumber {
        value = value == null ? null : value.trim().toUpperCase(Locale.ROOT);
        if (value == null || !value.matches("[1-9][0-9]{16}[0-9X]")) {
            throw DomainException.invalid("member.id-number.format");
        }
        if (value.charAt(17) != checkCharacter(value)) {
            throw DomainException.invalid("member.id-number.check-digit");
        }
        LocalDate birth = parseBirthDate(value);
        if (birth == null || birth.isBefore(EARLIEST) || birth.isAfter(LocalDate.now(LATEST))) {
            throw DomainException.invalid("member.id-number.birth-date");
        }
    }

    /** Whether the text is a valid ID number, without saying why not. */
    public static boolean isValid(String text) {
        try {
            new IdNumber(text);
            return true;
        } catch (DomainException e) {
            return false;
        }
    }

    /** The check character for the first 17 digits of a number. */
    public static char checkCharacter(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * WEIGHTS[i];
        }
        return CHECK[sum % 11];
    }

    public LocalDate birthDate() {
        return parseBirthDate(value);
    }

    public Gender gender() {
        return (value.charAt(16) - '0') % 2 == 1 ? Gender.MALE : Gender.FEMALE;
    }

    public String areaCode() {
        return value.substring(0, 6);
    }

    public int ageOn(LocalDate day) {
        return Period.between(birthDate(), day).getYears();
    }

    public String masked() {
        return Masking.idNumber(value);
    }

    private static LocalDate parseBirthDate(String value) {
        try {
            return LocalDate.of(Integer.parseInt(value.substring(6, 10)), Integer.parseInt(value.substring(10, 12)),
                    Integer.parseInt(value.substring(12, 14)));
        } catch (DateTimeException e) {
            return null;
        }
    }

    @Override
    public String toString() {
        return masked();
    }
}
