package org.gonghui.hardship.internal;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;

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

    public Object[] messageArgs() {
        return args.toArray();
    }
}
