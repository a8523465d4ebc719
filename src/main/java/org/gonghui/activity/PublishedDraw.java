package org.gonghui.activity;

import java.time.Instant;
import java.util.List;

/**
 * What is published about a lottery: the frozen entries and their hash (from the freeze on), the seed and the
 * draw order (after the draw). {@link LotteryDraw#order} on {@code entries} and {@code seed} gives
 * {@code order} again.
 */
public record PublishedDraw(long activityId, int capacity, List<LotteryDraw.Entry> entries, String entriesHash,
        Instant frozenAt, String seed, Instant drawnAt, List<Long> order) {

    public List<Long> winners() {
        return order.subList(0, Math.min(capacity, order.size()));
    }
}
