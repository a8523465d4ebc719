package org.gonghui.activity;

import java.util.List;

/**
 * Staff cancelled an activity; {@code members} held a place, an offer, a lottery entry or a waitlist position in
 * it (their registrations ended with it). Published inside the cancelling transaction.
 */
public record ActivityCancelled(long activityId, String activityTitle, List<Long> members) {

    public ActivityCancelled {
        members = List.copyOf(members);
    }
}
