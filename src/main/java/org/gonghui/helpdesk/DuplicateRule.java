package org.gonghui.helpdesk;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * 重复诉求: a new request of a member on the same matter — the same type and sub-type — while one received within
 * the last {@code windowDays} calendar days is still open is the same request: it is linked to the open one (the
 * most recent, if several) instead of being handled twice. Requests of someone who is not a member are never
 * linked (nobody can tell two callers apart by name).
 */
public final class DuplicateRule {

    /** What the rule needs to know of a member's earlier request. */
    public record Earlier(long id, RequestType type, String subtypeCode, RequestStatus status, Instant receivedAt) {
    }

    private DuplicateRule() {
    }

    public static Optional<Earlier> openOne(List<Earlier> earlier, RequestType type, String subtypeCode, Instant now,
            int windowDays) {
        Instant since = now.minus(Duration.ofDays(windowDays));
        return earlier.stream()
                .filter(e -> e.status().isOpen() && e.type() == type && e.subtypeCode().equals(subtypeCode)
                        && !e.receivedAt().isBefore(since))
                .max(Comparator.comparing(Earlier::receivedAt).thenComparing(Earlier::id));
    }
}
