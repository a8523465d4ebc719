package org.gonghui.activity;

import java.time.Instant;

/**
 * A member attended an activity: staff checked in their confirmed registration (once per registration). Published
 * inside the check-in's transaction.
 */
public record ActivityAttended(long registrationId, long activityId, long memberId, String activityTitle,
        Instant attendedAt) {
}
