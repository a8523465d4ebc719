package org.gonghui.mutualaid;

import java.time.Instant;

/** A payout batch and how its payments stand. */
public record PayoutBatchView(long id, Instant createdAt, String createdBy, int claimCount, Money total,
        Instant exportedAt, Instant settledAt, int paid, int failed, int pending) {

    public String batchNo() {
        return "PB" + String.format("%06d", id);
    }
}
