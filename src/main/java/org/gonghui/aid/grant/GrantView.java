package org.gonghui.aid.grant;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A grant as pages and the API show it: the child's name and ID number only masked, the member's name only to staff
 * in scope (and the member).
 */
public record GrantView(long id, AidKind kind, int year, long memberId, String memberName, String orgPath, Long listId,
        GrantForm form, BigDecimal amount, String goods, String reason, String tier, GrantStatus status,
        String statusReason, String appliedBy, Instant appliedAt, String checkedBy, Instant checkedAt,
        String firstApprovedBy, String approvedBy, Instant approvedAt, Instant handedOutAt, String paymentStatus,
        String batchNo, Instant paidAt, String paymentFailure, String childNameMasked, String childIdMasked,
        SchoolLevel schoolLevel, String schoolName, Integer schoolYear, int version) {

    /** Paid through the payment engine. */
    public boolean paid() {
        return "PAID".equals(paymentStatus);
    }

    public String schoolYearLabel() {
        return schoolYear == null ? "" : new SchoolYear(schoolYear).label();
    }
}
