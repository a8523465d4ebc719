package org.gonghui.shared.figures;

import java.util.Objects;

/**
 * One figure a module adds to the 数说 dashboards. Its label is the message {@code figure.<key>}, its section's
 * label {@code figure.section.<section>}.
 *
 * @param key         stable and unique across modules, prefixed with the section: {@code members.joined},
 *                    {@code card.discount}
 * @param section     the dashboard's group: members, card, activities, mutualaid, hardship, aid, modelworkers,
 *                    helpdesk, merchants, content
 * @param kind        how it is added up and shown
 * @param numerator   for a {@link Kind#RATIO}: the key of the figure above the line, else null
 * @param denominator for a {@link Kind#RATIO}: the key of the figure below the line, else null
 */
public record FigureDefinition(String key, String section, Kind kind, String numerator, String denominator) {

    public enum Kind {
        /** A number of people, things or events; a subtree's figure is the sum over its organisations. */
        COUNT,
        /** Money in fen; added up like a count, shown in yuan. */
        AMOUNT_FEN,
        /** Never stored: {@code numerator / denominator} of two other figures, each summed over the subtree. */
        RATIO
    }

    public FigureDefinition {
        Objects.requireNonNull(key);
        Objects.requireNonNull(section);
        Objects.requireNonNull(kind);
        if ((kind == Kind.RATIO) != (numerator != null && denominator != null)) {
            throw new IllegalArgumentException("a ratio, and only a ratio, names its numerator and denominator: " + key);
        }
    }

    public static FigureDefinition count(String section, String key) {
        return new FigureDefinition(key, section, Kind.COUNT, null, null);
    }

    public static FigureDefinition amount(String section, String key) {
        return new FigureDefinition(key, section, Kind.AMOUNT_FEN, null, null);
    }

    public static FigureDefinition ratio(String section, String key, String numerator, String denominator) {
        return new FigureDefinition(key, section, Kind.RATIO, numerator, denominator);
    }
}
