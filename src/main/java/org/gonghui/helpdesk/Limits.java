package org.gonghui.helpdesk;

/**
 * The time limits of one request type and difficulty, in working days: the first response to the member, each
 * next update while the member waits for one, and the resolution.
 */
public record Limits(int firstResponseDays, int nextUpdateDays, int resolutionDays) {

    public static final int MAX_DAYS = 365;

    public Limits {
        requireDays(firstResponseDays);
        requireDays(nextUpdateDays);
        requireDays(resolutionDays);
        if (firstResponseDays > resolutionDays) {
            throw new IllegalArgumentException("the first response is due before the resolution");
        }
    }

    static void requireDays(int days) {
        if (days < 1 || days > MAX_DAYS) {
            throw new IllegalArgumentException("working days between 1 and " + MAX_DAYS + ": " + days);
        }
    }
}
