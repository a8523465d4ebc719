package org.gonghui.activity;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.gonghui.shared.DomainException;
import org.springframework.stereotype.Component;

/**
 * Recent snapshots of activities, so a rush reads an activity's rules from memory. A change made here is
 * seen at once; one made by another instance within {@link #TTL_NANOS}.
 */
@Component
class ActivityCatalog {

    static final long TTL_NANOS = 3_000_000_000L;

    private final ActivityStore store;
    private final Map<Long, Cached> cache = new ConcurrentHashMap<>();

    ActivityCatalog(ActivityStore store) {
        this.store = store;
    }

    ActivityView require(long id) {
        return find(id).orElseThrow(() -> DomainException.notFound("activity.not-found"));
    }

    Optional<ActivityView> find(long id) {
        long now = System.nanoTime();
        Cached cached = cache.get(id);
        if (cached != null && now - cached.loadedAt < TTL_NANOS) {
            return Optional.of(cached.view);
        }
        Optional<ActivityView> view = store.find(id);
        view.ifPresentOrElse(v -> cache.put(id, new Cached(v, now)), () -> cache.remove(id));
        return view;
    }

    void forget(long id) {
        cache.remove(id);
    }

    private record Cached(ActivityView view, long loadedAt) {
    }
}
