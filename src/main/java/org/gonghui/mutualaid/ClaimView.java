package org.gonghui.mutualaid;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** A claim as the member and reviewers see it, with the benefit's explanation line by line. */
public record ClaimView(long id, long memberId, long orgId, String orgPath, String project, CoverYear coverYear,
        BenefitKind type, String hospital, LocalDate eventDate, LocalDate endDate, String diagnosis, String disease,
        Money totalCost, Money insurancePaid, Money selfPaid, String invoiceNo, ClaimStatus status,
        Money computedAmount, Money approvedAmount, String adjustmentReason, List<ExplanationLine> explanation,
        String firstApprover, String secondApprover, String decisionReason, String submittedBy, Instant submittedAt,
        Instant updatedAt, Instant decidedAt, int version) {

    /** e.g. {@code MA2026-00000042}. */
    public String claimNo() {
        return "MA" + coverYear.startYear() + "-" + String.format("%08d", id);
    }

    /** The amount to be paid: the reviewer's adjustment if any, else the rules' amount. */
    public Money amount() {
        return approvedAmount != null ? approvedAmount : computedAmount;
    }

    /**
     * Whether the amount is still provisional (暂估): the claim is not decided, so review — or a decision on
     * another claim of the member's year — may still change it.
     */
    @JsonProperty("provisional")
    public boolean provisional() {
        return ClaimStatus.OPEN.contains(status);
    }

    public boolean adjusted() {
        return approvedAmount != null;
    }
}
