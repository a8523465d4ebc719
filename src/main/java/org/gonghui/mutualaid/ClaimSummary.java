package org.gonghui.mutualaid;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;

/** A claim in a reviewer's queue: who, what, how much, and how long it has waited (ageing, in days). */
public record ClaimSummary(long id, String claimNo, long memberId, String orgPath, String project, CoverYear coverYear,
        String hospital, ClaimStatus status, Money amount, Instant submittedAt, long ageDays) {

    /** Whether the amount is still provisional (the claim is open). */
    @JsonProperty("provisional")
    public boolean provisional() {
        return ClaimStatus.OPEN.contains(status);
    }
}
