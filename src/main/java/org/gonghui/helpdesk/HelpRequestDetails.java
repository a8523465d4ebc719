package org.gonghui.helpdesk;

import java.util.List;

/**
 * A request with its history and documents (for the member: only what concerns them), as a request page shows it.
 */
public record HelpRequestDetails(HelpRequestView request, List<HelpRequestEventView> history,
        List<HelpDocumentView> documents) {

    public HelpRequestDetails {
        history = List.copyOf(history);
        documents = List.copyOf(documents);
    }
}
