package org.gonghui.activity;

import java.time.Duration;
import java.time.Instant;

/** One date of an activity (a course may have several). */
public record ActivitySession(Instant startsAt, Instant endsAt) {

    public ActivitySession {
        if (startsAt == null || endsAt == null || !endsAt.isAfter(startsAt)) {
            throw org.gonghui.shared.DomainException.invalid("activity.session.invalid");
        }
    }

    public long minutes() {
        return Duration.between(startsAt, endsAt).toMinutes();
    }
}
