package org.gonghui.shared.db;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * The primary's WAL position after each signed-in user's last write, kept for a bounded time: until then their reads
 * that may lag go to the replica only once it has replayed past it. Shared through Redis when there is one (the
 * user's next request may land on another instance), else in this process.
 */
interface WriteMarks {

    /** Remembers that {@code accountId} wrote up to {@code lsn}, for {@code keep}. */
    void mark(long accountId, long lsn, Duration keep);

    /** The position of the account's last remembered write, or -1. */
    long of(long accountId);

    /** In this process (one instance, or tests). */
    final class InProcess implements WriteMarks {

        private static final int MAX = 200_000;
        private final Map<Long, long[]> marks = new ConcurrentHashMap<>();
        private final LongSupplier nanoTime;

        InProcess(LongSupplier nanoTime) {
            this.nanoTime = nanoTime;
        }

        @Override
        public void mark(long accountId, long lsn, Duration keep) {
            if (marks.size() > MAX) {
                marks.clear();
            }
            marks.merge(accountId, new long[] {lsn, nanoTime.getAsLong() + keep.toNanos()},
                    (old, now) -> old[0] > now[0] ? new long[] {old[0], now[1]} : now);
        }

        @Override
        public long of(long accountId) {
            long[] mark = marks.get(accountId);
            if (mark == null) {
                return -1;
            }
            if (nanoTime.getAsLong() - mark[1] > 0) {
                marks.remove(accountId, mark);
                return -1;
            }
            return mark[0];
        }
    }

    /** In Redis ({@code <prefix>:wrote:<account>}, expiring), seen by every instance. */
    final class InRedis implements WriteMarks {

        private final StringRedisTemplate redis;
        private final String prefix;

        InRedis(StringRedisTemplate redis, String prefix) {
            this.redis = redis;
            this.prefix = prefix + ":wrote:";
        }

        @Override
        public void mark(long accountId, long lsn, Duration keep) {
            redis.opsForValue().set(prefix + accountId, Long.toString(lsn), keep);
        }

        @Override
        public long of(long accountId) {
            String value = redis.opsForValue().get(prefix + accountId);
            try {
                return value == null ? -1 : Long.parseLong(value);
            } catch (NumberFormatException e) {
                return -1;
            }
        }
    }
}
