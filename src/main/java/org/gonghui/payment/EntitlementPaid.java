package org.gonghui.payment;

import java.math.BigDecimal;
import java.time.Instant;

/** The bank confirmed the payment (once per entitlement). Published synchronously inside the engine's transaction. */
public record EntitlementPaid(long entitlementId, String programme, String sourceRef, long memberId,
        BigDecimal amount, String bankRef, Instant paidAt) {
}
