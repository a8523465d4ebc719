package org.gonghui.shared.figures;

/** Where a {@link FigureSource} puts a year's figures, one organisation at a time. */
@FunctionalInterface
public interface FigureSink {

    /**
     * Adds {@code value} to the figure {@code key} of the organisation {@code organisationId} (the organisation the
     * counted people or things belong to, not a subtree's total). Adding to the same pair twice adds up.
     */
    void add(long organisationId, String key, long value);
}
