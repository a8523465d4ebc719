package org.gonghui.mutualaid;

import java.time.LocalDate;
import java.util.List;

/**
 * Everything about one claim for its page: the claim, its documents, the document requests (every round),
 * the timeline, what is still missing, and when the money should arrive (once approved).
 */
public record ClaimDetails(ClaimView claim, List<DocumentView> documents, List<DocumentRequestView> requests,
        List<ClaimEventView> timeline, List<DocumentType> missing, LocalDate expectedPaymentBy) {

    public DocumentRequestView openRequest() {
        return requests.stream().filter(DocumentRequestView::open).reduce((a, b) -> b).orElse(null);
    }

    /** What the member must do next, or what they wait for. */
    public NextStep nextStep() {
        return NextStep.of(claim.status(), missing, openRequest(), expectedPaymentBy, paidOn(), claim.decisionReason());
    }

    /** The day the money went out (the timeline's last payment), if it did. */
    public LocalDate paidOn() {
        return timeline.stream().filter(e -> "paid".equals(e.kind())).reduce((a, b) -> b)
                .map(e -> LocalDate.ofInstant(e.at(), Claims.ZONE)).orElse(null);
    }
}
