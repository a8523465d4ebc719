package org.gonghui.helpdesk;

/** The member's rating of the result (on the portal, the API or through the staff member who calls back). */
public enum Satisfaction {
    /** 满意 */
    SATISFIED,
    /** 基本满意 */
    BASICALLY_SATISFIED,
    /** 不满意: reopens the request once, under supervision of the level above */
    DISSATISFIED
}
