package org.gonghui.payment;

import java.math.BigDecimal;
import java.time.Instant;

/** A payment batch of one programme, made by staff of {@code orgPath}, with its lines counted by status. */
public record BatchView(long id, String batchNo, String programme, String orgPath, Instant createdAt, String createdBy,
        int lineCount, BigDecimal total, Instant exportedAt, Instant settledAt, int paid, int failed, int pending) {
}
