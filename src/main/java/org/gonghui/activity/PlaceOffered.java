package org.gonghui.activity;

import java.time.Instant;

/** A waitlisted member was offered a freed place, to confirm by {@code confirmBy}. Published inside the offer's transaction. */
public record PlaceOffered(long memberId, long activityId, String activityTitle, long registrationId,
        Instant confirmBy) {
}
