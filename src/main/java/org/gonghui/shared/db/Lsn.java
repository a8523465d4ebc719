package org.gonghui.shared.db;

/** A PostgreSQL WAL position ({@code pg_lsn}, written {@code 16/B374D848}) as a number that compares. */
final class Lsn {

    private Lsn() {
    }

    /** The position, or -1 for null or anything that is not a {@code pg_lsn}. */
    static long parse(String text) {
        if (text == null) {
            return -1;
        }
        int slash = text.indexOf('/');
        if (slash <= 0 || slash == text.length() - 1 || text.length() > 17) {
            return -1;
        }
        try {
            return (Long.parseLong(text.substring(0, slash), 16) << 32) | Long.parseLong(text.substring(slash + 1), 16);
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
