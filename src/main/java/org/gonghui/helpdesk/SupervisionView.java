package org.gonghui.helpdesk;

import java.time.Instant;

/**
 * A supervision notice (督办) from an organisation above the handling one, and the handling organisation's answer
 * ({@code null} while open). {@code automatic} when the platform sent it (a red light, a dissatisfied member).
 */
public record SupervisionView(long id, long requestId, String requestNo, String subject, long fromOrgId,
        String fromOrgName, long toOrgId, String toOrgName, boolean automatic, String reason, String sentBy,
        Instant sentAt, String answer, String answeredBy, Instant answeredAt) {

    public boolean isOpen() {
        return answeredAt == null;
    }
}
