package org.gonghui.hardship.internal;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import org.gonghui.hardship.HardshipTier;
import org.springframework.context.support.DefaultMessageSourceResolvable;

/**
 * One line of a means test's explanation, as mutual aid explains its benefits: the rule applied (a message code
 * {@code hardship.rule.<code>}, shown in the reader's language), its arguments (amounts, sizes, years) and the figure
 * it yields ({@code null} for a line that only informs).
 */
public record ExplanationLine(String code, List<String> args, BigDecimal figure) {

    public ExplanationLine {
        args = List.copyOf(args);
    }

    static ExplanationLine of(String code, BigDecimal figure, Object... args) {
        return new ExplanationLine(code, Arrays.stream(args).map(a -> a instanceof BigDecimal d ? d.toPlainString()
                : String.valueOf(a)).toList(), figure);
    }

    public String messageKey() {
        return "hardship.rule." + code;
    }

    /** The arguments for the message, a cause or tier code by its name in the reader's language. */
    public Object[] messageArgs() {
        return args.stream().map(ExplanationLine::localised).toArray();
    }

    private static Object localised(String arg) {
        for (Cause cause : Cause.values()) {
            if (cause.name().equals(arg)) {
                return new DefaultMessageSourceResolvable(new String[] {"hardship.cause." + arg}, arg);
            }
        }
        for (HardshipTier tier : HardshipTier.values()) {
            if (tier.name().equals(arg)) {
                return new DefaultMessageSourceResolvable(new String[] {"hardship.tier." + arg}, arg);
            }
        }
        return arg;
    }
}
