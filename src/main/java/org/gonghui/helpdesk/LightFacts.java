package org.gonghui.helpdesk;

import java.time.Instant;
import java.util.List;

/**
 * What the traffic light of a request depends on.
 *
 * @param unansweredSince the oldest member message not yet answered by staff (the request itself until the first
 *     response), or null when nothing waits for staff
 * @param pauses the request's pauses (waiting for the member), the last one possibly ongoing
 * @param limits the time limits of the request's type and difficulty in its time-limit version
 * @param rule the light rule of that version
 */
public record LightFacts(RequestStatus status, Instant receivedAt, Instant unansweredSince, List<Pause> pauses,
        Limits limits, LightRule rule) {

    public LightFacts {
        if (status == null || receivedAt == null || limits == null || rule == null) {
            throw new IllegalArgumentException("status, receipt, limits and rule are required");
        }
        pauses = pauses == null ? List.of() : List.copyOf(pauses);
    }
}
