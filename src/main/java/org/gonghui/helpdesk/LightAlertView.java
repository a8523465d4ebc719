package org.gonghui.helpdesk;

import java.time.Instant;

/** An alert to a handling organisation: its request changed colour (unseen while {@code seenAt} is null). */
public record LightAlertView(long id, long requestId, String requestNo, String subject, Light light, String reason,
        Instant createdAt, Instant seenAt, String seenBy) {
}
