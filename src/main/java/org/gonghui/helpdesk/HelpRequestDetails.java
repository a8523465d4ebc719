package org.gonghui.helpdesk;

import java.util.List;

/** A request with its history (for the member: only what concerns them), as a request page shows it. */
public record HelpRequestDetails(HelpRequestView request, List<HelpRequestEventView> history) {

    public HelpRequestDetails {
        history = List.copyOf(history);
    }
}
