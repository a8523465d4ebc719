package org.gonghui.helpdesk;

import java.time.Instant;

/**
 * A stretch of time during which a request's clock stands still because it waits for the member;
 * {@code to == null} while it still waits.
 */
public record Pause(Instant from, Instant to) {

    public Pause {
        if (from == null) {
            throw new IllegalArgumentException("a pause has a start");
        }
        if (to != null && to.isBefore(from)) {
            throw new IllegalArgumentException("a pause ends after it starts");
        }
    }

    public boolean isOngoing() {
        return to == null;
    }
}
