package org.gonghui.activity;

/** A registration's state. Only {@link #CONFIRMED} and {@link #OFFERED} hold a place. */
public enum RegistrationStatus {
    CONFIRMED,
    /** In the waitlist. */
    WAITLISTED,
    /** A freed place offered to the next in line, who must confirm before the offer expires. */
    OFFERED,
    /** Lottery entry before the draw. */
    ENTERED,
    CANCELLED,
    /** An offer not confirmed in time. */
    EXPIRED;

    public boolean holdsPlace() {
        return this == CONFIRMED || this == OFFERED;
    }

    public boolean isActive() {
        return this != CANCELLED && this != EXPIRED;
    }
}
