package org.gonghui.helpdesk;

import java.util.List;

/**
 * A request with its history, documents, supervision notices and legal-aid referrals, as a request page shows it.
 * For the member: only what concerns them (no internal notes, no supervision notices, no staff names).
 */
public record HelpRequestDetails(HelpRequestView request, List<HelpRequestEventView> history,
        List<HelpDocumentView> documents, List<SupervisionView> supervisions, List<ReferralView> referrals) {

    public HelpRequestDetails {
        history = List.copyOf(history);
        documents = List.copyOf(documents);
        supervisions = List.copyOf(supervisions);
        referrals = List.copyOf(referrals);
    }
}
