package org.gonghui.shared;

/**
 * The check every bank card number passes (ISO/IEC 7812): 16 to 19 digits whose last one is the Luhn check digit.
 * Shared so that the member registry can refuse a mistyped 5·1 card number on the line it was typed on.
 */
public final class BankCardNumbers {

    private BankCardNumbers() {
    }

    /** Whether the text (spaces as printed on the card allowed) is a 16–19 digit number with a right check digit. */
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
}
