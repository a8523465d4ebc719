package org.gonghui.helpdesk;

/** How hard a request is (set by staff; NORMAL at submission): it chooses the resolution time limit. */
public enum Difficulty {
    /** 一般 */
    NORMAL,
    /** 疑难 */
    HARD,
    /** 特别复杂 */
    COMPLEX
}
