package org.gonghui.aid.grant;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where a grant stands. Applied (by the member or on a staff list) → checked by the township → approved by the district
 * (above the configured amount: first approval, then a second approver) → paid through the payment engine, or handed
 * out for goods. Refused or dropped (no longer in the hardship archive when approved) ends it.
 */
public enum GrantStatus {
    APPLIED, CHECKED, AWAITING_SECOND_APPROVAL, APPROVED, HANDED_OUT, REJECTED, DROPPED;

    /** Still waiting for a decision. */
    public static final Set<GrantStatus> OPEN = EnumSet.of(APPLIED, CHECKED, AWAITING_SECOND_APPROVAL);

    public boolean isOpen() {
        return OPEN.contains(this);
    }
}
