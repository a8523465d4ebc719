package org.gonghui.helpdesk;

/** How a request was closed (办结). */
public enum Outcome {
    RESOLVED,
    PARTLY_RESOLVED,
    /** not accepted: a reason is required */
    NOT_ACCEPTED,
    /** referred to another authority, which is named */
    REFERRED,
    WITHDRAWN
}
