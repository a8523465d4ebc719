package org.gonghui.card;

import org.gonghui.shared.BankCardNumbers;
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
        return BankCardNumbers.isValid(text);
    }

    /** The check digit that makes {@code body} (all digits but the last) pass the Luhn check. */
    public static char checkDigit(String body) {
        return BankCardNumbers.checkDigit(body);
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
