package org.gonghui.payment;

import java.math.BigDecimal;
import java.time.Instant;

/** An entitlement as staff, the member and source modules see it; the payee account only masked. */
public record EntitlementView(long id, String programme, String sourceRef, long memberId, BigDecimal amount,
        String purpose, EntitlementStatus status, String batchNo, Instant paidAt, String bankRef, String failure,
        String payeeMasked) {
}
