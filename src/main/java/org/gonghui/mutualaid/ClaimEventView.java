package org.gonghui.mutualaid;

import java.time.Instant;

/** One step of a claim's timeline; {@code kind} names a message {@code mutualaid.event.<kind>}. */
public record ClaimEventView(Instant at, String actor, String kind, String detail) {
}
