package org.gonghui.activity;

/** Staff cancelled an activity. Published inside the cancelling transaction. */
public record ActivityCancelled(long activityId, String activityTitle) {
}
