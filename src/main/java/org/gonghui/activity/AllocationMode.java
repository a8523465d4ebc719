package org.gonghui.activity;

/** How places are allocated. */
public enum AllocationMode {
    /** 先到先得: the first to register get the places; the rest may join a waitlist. */
    FIRST_COME,
    /** 抽签: members apply during the window; a verifiable draw at the close picks the winners. */
    LOTTERY
}
