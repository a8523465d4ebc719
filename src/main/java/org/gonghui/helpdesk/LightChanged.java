package org.gonghui.helpdesk;

import java.time.Instant;

/**
 * A request's traffic light changed ({@code from} null for its first light); {@code supervisedAutomatically} when the
 * change to red put it under the supervision of the level above.
 */
public record LightChanged(long requestId, String requestNo, Long memberId, long handlingOrgId, Light from, Light to,
        String reasonKey, Instant at, boolean supervisedAutomatically) {
}
