package org.gonghui.helpdesk;

/** The kind of an extra form field of a sub-type: what the form shows and what an answer must look like. */
public enum FieldKind {
    /** one line of text */
    TEXT,
    /** several lines */
    MULTILINE,
    /** a number (a decimal: an amount, a count) */
    NUMBER,
    /** a date, {@code 2026-01-31} */
    DATE,
    /** one of the field's choices */
    CHOICE
}
