package org.gonghui.aid.wish;

/** A member who claims a wish, or a unit claiming through a staff account. */
public enum DonorKind {
    MEMBER, UNIT
}
