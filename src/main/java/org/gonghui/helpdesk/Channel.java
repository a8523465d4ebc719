package org.gonghui.helpdesk;

/** How a request reached the desk. */
public enum Channel {
    /** the member portal */
    PORTAL,
    /** the API (app, WeChat) */
    API,
    /** a service window: staff registered a walk-in */
    WINDOW,
    /** the 12351 hotline: staff registered a call */
    HOTLINE;

    /** Channels on which staff register the request for someone. */
    public boolean isStaffRegistered() {
        return this == WINDOW || this == HOTLINE;
    }
}
