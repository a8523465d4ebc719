package org.gonghui.aid.grant;

/** The child's school level for 金秋助学; each level's amount is configuration ({@code gonghui.aid.school-amounts}). */
public enum SchoolLevel {
    /** 小学 */
    PRIMARY,
    /** 初中 */
    JUNIOR_HIGH,
    /** 高中 */
    SENIOR_HIGH,
    /** 中职 */
    VOCATIONAL,
    /** 大学（专科、本科） */
    COLLEGE
}
