package org.gonghui.hardship.internal;

/**
 * An archive's way: SUBMITTED (by the member) → REGISTERED (service point) → CHECKED (township) → APPROVED (district,
 * a second person) → LEFT (脱困); RETURNED (sent back with a reason, to be corrected and resubmitted) and REJECTED on
 * the way.
 */
public enum ArchiveStatus {
    SUBMITTED, REGISTERED, CHECKED, APPROVED, RETURNED, REJECTED, LEFT;

    /** Whether the archive is live: one live archive per member. */
    public boolean open() {
        return this != REJECTED && this != LEFT;
    }

    public boolean inReview() {
        return this == SUBMITTED || this == REGISTERED || this == CHECKED;
    }
}
