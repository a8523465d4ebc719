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
}
