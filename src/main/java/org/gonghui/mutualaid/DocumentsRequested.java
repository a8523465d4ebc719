package org.gonghui.mutualaid;

import java.time.LocalDate;
import java.util.List;

/** Reviewers asked the member for more documents (补件) by a deadline. */
public record DocumentsRequested(long claimId, long memberId, int coverYear, List<DocumentType> items,
        LocalDate deadline) {
}
