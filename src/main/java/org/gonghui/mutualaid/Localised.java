package org.gonghui.mutualaid;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.support.DefaultMessageSourceResolvable;

/**
 * Message arguments that every front door (pages, problem details, texts) renders in the reader's language,
 * so a member never reads an internal code: amounts as {@code 3,000.00 元}, diseases, documents, statuses and
 * projects by their names. Spring's message source resolves such arguments, nested ones too.
 */
public final class Localised {

    private static final Pattern STORED_AMOUNT = Pattern.compile("-?\\d+\\.\\d{2}");
    private static final Pattern CODE = Pattern.compile("[A-Z][A-Z_]+");

    private Localised() {
    }

    /** Grouped thousands, two decimals: {@code 3,000.00}. */
    public static String format(Money money) {
        return new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.ROOT)).format(money.amount());
    }

    /** An amount: "3,000.00 元". */
    public static MessageSourceResolvable amount(Money money) {
        String number = format(money);
        return resolvable("mutualaid.amount", number + " 元", number);
    }

    public static MessageSourceResolvable disease(String code) {
        return resolvable("mutualaid.disease." + code, code);
    }

    public static MessageSourceResolvable document(DocumentType type) {
        return resolvable("mutualaid.doc." + type.name(), type.name());
    }

    /** Several documents as one argument: "身份证、银行卡" / "ID card, bank card". */
    public static MessageSourceResolvable documents(List<DocumentType> types) {
        MessageSourceResolvable list = document(types.get(types.size() - 1));
        for (int i = types.size() - 2; i >= 0; i--) {
            list = resolvable("mutualaid.list", null, document(types.get(i)), list);
        }
        return list;
    }

    public static MessageSourceResolvable status(ClaimStatus status) {
        return resolvable("mutualaid.status." + status.name(), status.name());
    }

    /** A project by its name; a code nobody configured stays as typed. */
    public static MessageSourceResolvable project(String code) {
        return resolvable("mutualaid.project." + code, code);
    }

    /**
     * An argument of a stored explanation line: amounts (stored as {@code 3000.00}) and disease codes become
     * localisable; dates, days, percentages and cover years stay as they are.
     */
    static Object explanationArg(String stored) {
        if (STORED_AMOUNT.matcher(stored).matches()) {
            return amount(new Money(new BigDecimal(stored)));
        }
        if (CODE.matcher(stored).matches()) {
            return disease(stored);
        }
        return stored;
    }

    private static MessageSourceResolvable resolvable(String code, String fallback, Object... args) {
        return new DefaultMessageSourceResolvable(new String[] {code}, args, fallback);
    }
}
