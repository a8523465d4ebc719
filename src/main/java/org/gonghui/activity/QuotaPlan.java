package org.gonghui.activity;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * How an activity's places are split between organisations: each quota keeps its places for its own members
 * until {@code releaseAt}, when the places still free join the common pool that every eligible member draws
 * from. Places in no quota are the common pool from the start. No quotas: everything is the common pool.
 */
public record QuotaPlan(List<PlaceQuota> quotas, Instant releaseAt) {

    public static final QuotaPlan NONE = new QuotaPlan(List.of(), null);

    public QuotaPlan {
        quotas = quotas == null ? List.of() : List.copyOf(quotas);
    }

    public boolean isEmpty() {
        return quotas.isEmpty();
    }

    /** Whether the quotas still keep their places to their own members at {@code now}. */
    public boolean releasedAt(Instant now) {
        return releaseAt != null && !now.isBefore(releaseAt);
    }

    public int reserved() {
        return quotas.stream().mapToInt(PlaceQuota::places).sum();
    }

    /** The quota a member belongs to, if any (quotas cover disjoint subtrees). */
    Optional<PlaceQuota> quotaOf(String memberPath) {
        return quotas.stream().filter(q -> q.covers(memberPath)).findFirst();
    }

    /** The quota holding a place number, if any. */
    Optional<PlaceQuota> quotaHolding(int place) {
        return quotas.stream().filter(q -> q.holds(place)).findFirst();
    }

    /**
     * Whether a member of {@code memberPath} may hold place {@code place} at {@code now}: a place of the common
     * pool, of their own quota, or of any quota once released.
     */
    boolean mayHold(String memberPath, int place, Instant now) {
        return releasedAt(now) || quotaHolding(place).map(q -> q.covers(memberPath)).orElse(true);
    }
}
