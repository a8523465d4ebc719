package org.gonghui.activity;

import java.time.Instant;

/** A recorded attendance: which registration, whose (masked name), when. */
public record CheckIn(long registrationId, long memberId, String memberName, Instant attendedAt) {
}
