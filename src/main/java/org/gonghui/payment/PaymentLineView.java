package org.gonghui.payment;

import java.math.BigDecimal;
import java.time.Instant;

/** One payment attempt on a batch: the payee account frozen on it, shown masked only. */
public record PaymentLineView(long id, long batchId, long entitlementId, String sourceRef, int attempt, long memberId,
        String accountName, String accountMasked, PayeeAccounts.Source accountSource, BigDecimal amount,
        String status, String bankRef, String failureReason, Instant settledAt) {
}
