package org.gonghui.shared;

/**
 * Text a person typed, made into a SQL {@code LIKE} pattern that matches it literally: {@code %}, {@code _} and
 * the escape character lose their wildcard meaning, so a search for {@code 50%} finds "50%" and {@code %} alone
 * finds only names containing a percent sign, never everything. Every search on typed text goes through here and
 * writes {@code like :text} followed by {@link #ESCAPE} (the backslash, which PostgreSQL and H2 also use by
 * default, said explicitly so the pattern never depends on a database setting).
 */
public final class LikePattern {

    /** The clause to write after {@code like :parameter}. */
    public static final String ESCAPE = " escape '\\'";

    private LikePattern() {
    }

    /** Matches values containing the text anywhere. */
    public static String containing(String text) {
        return "%" + literal(text) + "%";
    }

    /** Matches values that start with the text. */
    public static String startingWith(String text) {
        return literal(text) + "%";
    }

    /** The text with the escape character and both wildcards escaped. */
    public static String literal(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
