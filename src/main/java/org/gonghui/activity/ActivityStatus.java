package org.gonghui.activity;

/** The life of an activity; the registration window (opens/closes) applies while it is {@link #PUBLISHED}. */
public enum ActivityStatus {
    PUBLISHED,
    /** Closed early by staff: no more registrations. */
    CLOSED,
    /** Lottery: entries frozen and their hash published; the draw comes next. */
    FROZEN,
    /** Lottery: drawn; winners confirmed, the others waitlisted in draw order. */
    DRAWN,
    CANCELLED
}
