package org.gonghui.mutualaid;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.support.DefaultMessageSourceResolvable;

/**
 * Amounts as people read them: {@code 3,000.00 元}. {@link #of} gives a message argument that every front
 * door (pages, problem details, texts) renders in the reader's language, so a reason never shows a bare number.
 */
public final class Amounts {

    private Amounts() {
    }

    /** Grouped thousands, two decimals: {@code 3,000.00}. */
    public static String format(Money money) {
        DecimalFormat format = new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.ROOT));
        format.setParseBigDecimal(true);
        return format.format(money.amount());
    }

    /** A localisable message argument for an amount ({@code mutualaid.amount}: "3,000.00 元"). */
    public static MessageSourceResolvable of(Money money) {
        String number = format(money);
        return new DefaultMessageSourceResolvable(new String[] {"mutualaid.amount"}, new Object[] {number},
                number + " 元");
    }

    /** The same for an amount stored as text ({@code 3000.00}), as in a claim's explanation. */
    static MessageSourceResolvable of(String stored) {
        return of(new Money(new BigDecimal(stored)));
    }
}
