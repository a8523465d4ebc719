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

    /** Whether the quotas' unused places have returned to the common pool at {@code now}. */
    public boolean releasedAt(Instant now) {
        return releaseAt != null && !now.isBefore(releaseAt);
    }

    public int reserved() {
        return quotas.stream().mapToInt(PlaceQuota::places).sum();
    }

    /** The quota holding a place number, if any. */
    Optional<PlaceQuota> quotaHolding(int place) {
        return quotas.stream().filter(q -> q.holds(place)).findFirst();
    }
}
