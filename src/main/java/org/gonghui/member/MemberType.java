package org.gonghui.member;

/** 会员类型 */
public enum MemberType {
    /** 在职职工 */
    IN_SERVICE,
    /** 农民工 */
    MIGRANT,
    /** 退休职工 */
    RETIRED
}
