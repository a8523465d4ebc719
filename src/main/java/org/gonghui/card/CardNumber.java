package org.gonghui.card;

import org.gonghui.shared.DomainException;
import org.gonghui.shared.crypto.Masking;

/**
 * A card number as the partner bank prints it: 16 to 19 digits whose last digit is the Luhn check digit, like
 * every bank card (ISO/IEC 7812). Spaces as printed on the card are dropped. It is a bank account: keep it only
 * sealed ({@code PersonalDataCipher}) and show it {@link #masked()}.
 */
public record CardNumber(String value) {

    public CardNumber {
        String digits = value == null ? "" : value.replace(" ", "");
        if (!isValid(digits)) {
            throw DomainException.invalid("card.number.invalid");
        }
        value = digits;
    }

    /** Whether the text (spaces allowed) is a 16–19 digit number with a right Luhn check digit. */
    public static boolean isValid(String text) {
        String digits = text == null ? "" : text.replace(" ", "");
        return digits.matches("[0-9]{16,19}") && luhnSum(digits) % 10 == 0;
    }

    /** The check digit that makes {@code body} (all digits but the last) pass the Luhn check. */
    public static char checkDigit(String body) {
        int sum = luhnSum(body + "0");
        return (char) ('0' + (10 - sum % 10) % 10);
    }

    /** The Luhn sum: from the right, every second digit doubled (minus 9 when above 9). */
    static int luhnSum(String digits) {
        int sum = 0;
        for (int i = 0; i < digits.length(); i++) {
            int digit = digits.charAt(digits.length() - 1 - i) - '0';
            if (i % 2 == 1) {
                digit *= 2;
                if (digit > 9) {
                    digit -= 9;
                }
            }
            sum += digit;
        }
        return sum;
    }

    /** Only the last four digits: {@code ************1234}. */
    public String masked() {
        return Masking.bankAccount(value);
    }

    @Override
    public String toString() {
        return masked();
    }
}
