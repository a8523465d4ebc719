package org.gonghui.member;

import java.time.Instant;

/** One line of a member's history: a status change or a transfer between organisations. */
public record StatusChange(MemberStatus status, long orgId, String orgName, Long fromOrgId, String fromOrgName,
        Instant changedAt, String changedBy, String reason) {
}
