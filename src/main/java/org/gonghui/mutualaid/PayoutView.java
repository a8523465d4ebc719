package org.gonghui.mutualaid;

import java.time.Instant;

/** One payment attempt of one claim. */
public record PayoutView(long id, long batchId, long claimId, String claimNo, int attempt, long memberId, Money amount,
        String status, String bankRef, String failureReason, Instant settledAt) {
}
