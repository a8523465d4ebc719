package org.gonghui.aid.grant;

import java.math.BigDecimal;
import java.time.Instant;

/** A staff list of grants with its totals. */
public record ListView(long id, long orgId, String orgName, String orgPath, AidKind kind, int year, String title,
        ListStatus status, String createdBy, Instant createdAt, String submittedBy, String approvedBy, Instant approvedAt,
        int lines, BigDecimal total) {
}
