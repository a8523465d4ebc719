package org.gonghui.aid.grant;

import java.time.Instant;

/** One step on a grant's timeline. */
public record GrantEvent(Instant at, String actor, String kind, String detail) {
}
