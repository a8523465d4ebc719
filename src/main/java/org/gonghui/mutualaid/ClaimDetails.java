package org.gonghui.mutualaid;

import java.time.LocalDate;
import java.util.List;

/**
 * Everything about one claim for its page: the claim, its documents, the document requests (every round),
 * the timeline, what is still missing, when the money should arrive (once approved) and the day it went out (the
 * timeline's last payment, if it did), days counted in the platform's zone.
 */
public record ClaimDetails(ClaimView claim, List<DocumentView> documents, List<DocumentRequestView> requests,
        List<ClaimEventView> timeline, List<DocumentType> missing, LocalDate expectedPaymentBy, LocalDate paidOn) {

    public DocumentRequestView openRequest() {
        return requests.stream().filter(DocumentRequestView::open).reduce((a, b) -> b).orElse(null);
    }

    /** What the member must do next, or what they wait for. */
    public NextStep nextStep() {
        return NextStep.of(claim.status(), missing, openRequest(), expectedPaymentBy, paidOn(), claim.decisionReason());
    }
}
