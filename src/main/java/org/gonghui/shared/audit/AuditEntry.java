package org.gonghui.shared.audit;

import java.time.Instant;

/** One line of the audit log: who did what to which record, when and from where. */
public record AuditEntry(long id, Instant at, String actor, Long actorOrgId, String action, String recordType,
        String recordId, String detail, String ip) {
}
