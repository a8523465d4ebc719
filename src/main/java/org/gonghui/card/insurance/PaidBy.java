package org.gonghui.card.insurance;

/** Who paid the year's premium: the member on the portal, or their unit enrolling them. */
public enum PaidBy {
    MEMBER, UNIT
}
