package org.gonghui.hardship.internal;

import java.time.Instant;

/** One step of an archive's way: what, who (account name and organisation), when and why. */
public record StepView(String step, String actor, Long actorOrgId, Instant at, String reason) {
}
