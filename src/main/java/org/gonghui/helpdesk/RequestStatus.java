package org.gonghui.helpdesk;

/** Where a request stands. Reopening sets OPEN again. */
public enum RequestStatus {
    /** registered, at its handling organisation */
    OPEN,
    /** waiting for the member (the clock is paused) */
    WAITING_MEMBER,
    /** outcome recorded; the call-back is pending or done */
    CLOSED;

    public boolean isOpen() {
        return this != CLOSED;
    }
}
