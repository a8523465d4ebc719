package org.gonghui.stats;

/**
 * A year's figures were written, inside the refresh's transaction (a listener runs before the commit; use a
 * transactional listener to act after it). {@code frozen} when this write froze the year.
 */
public record FiguresWritten(int year, int inserted, int updated, int deleted, boolean frozen) {
}
