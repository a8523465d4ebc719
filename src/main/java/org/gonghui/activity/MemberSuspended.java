package org.gonghui.activity;

import java.time.Instant;

/** A member was suspended from registering (too many no-shows) until the given time. */
public record MemberSuspended(long memberId, Instant until) {
}
