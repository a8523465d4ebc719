package org.gonghui.mutualaid;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * One line of a benefit's explanation: the rule applied (a message code, shown in the reader's language),
 * its arguments (percentages, bases, caps, dates) and the amount it adds (negative for a cap, {@code null}
 * for a line that only informs).
 */
public record ExplanationLine(String code, List<String> args, Money amount) {

    public ExplanationLine {
        args = List.copyOf(args);
    }

    public static ExplanationLine of(String code, Money amount, Object... args) {
        return new ExplanationLine(code, Arrays.stream(args).map(String::valueOf).toList(), amount);
    }

    /** The message key of the rule. */
    public String messageKey() {
        return "mutualaid.rule." + code;
    }

    /** The arguments for the message, amounts and diseases localisable (see {@link Localised}). */
    public Object[] messageArgs() {
        return args.stream().map(Localised::explanationArg).toArray();
    }

    /** A line as stored with its claim: {@code code|arg;arg|amount}. */
    String encode() {
        return code + "|" + String.join(";", args) + "|" + (amount == null ? "" : amount.toString());
    }

    static ExplanationLine decode(String line) {
        String[] parts = line.split("\\|", -1);
        List<String> args = parts[1].isEmpty() ? List.of() : List.of(parts[1].split(";", -1));
        return new ExplanationLine(parts[0], args, parts[2].isEmpty() ? null : Money.of(parts[2]));
    }

    static String encodeAll(List<ExplanationLine> lines) {
        return lines.stream().map(ExplanationLine::encode).collect(Collectors.joining("\n"));
    }

    static List<ExplanationLine> decodeAll(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        return text.lines().map(ExplanationLine::decode).toList();
    }
}
