package org.gonghui.activity;

/**
 * An activity's rules, quotas or free places changed (edited, closed, cancelled, frozen or drawn, a quota set, a place
 * given back): every instance drops its snapshot of the activity and its pool of place numbers.
 */
public record ActivityChanged(long activityId) {
}
