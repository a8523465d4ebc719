package org.gonghui.member;

/** 会员状态 */
public enum MemberStatus {
    /** 正常: a member of a union in this federation. */
    ACTIVE,
    /** 已转出: membership transferred out of this federation. */
    TRANSFERRED,
    /** 已退会: left the union. */
    LEFT
}
