package org.gonghui.mutualaid;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** One round of 补件: the missing items, a note, the deadline, who asked and whether the member answered. */
public record DocumentRequestView(long id, int round, List<DocumentType> items, String note, LocalDate deadline,
        String requestedBy, Instant requestedAt, Instant answeredAt) {

    public boolean open() {
        return answeredAt == null;
    }
}
