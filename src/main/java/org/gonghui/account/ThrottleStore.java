package org.gonghui.account;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import java.time.Duration;

/**
 * Where the sign-in throttle's buckets and the addresses each account has signed in from are kept: in this process
 * (the embedded default) or in Redis, shared by every instance ({@link RedisThrottleStore}, profile {@code cluster}).
 */
interface ThrottleStore {

    /** The bucket under {@code key}, new and full with {@code limit} when there is none. */
    Bucket bucket(String key, Bandwidth limit);

    /** Whether the account (and address) under {@code key} has signed in before. */
    boolean known(String key);

    void markKnown(String key);

    /** Drops every bucket of an account: its own, and those of each address for it (both doors). */
    void forget(String account);

    /** Buckets in this process, bounded by Caffeine (an idle bucket is full again, so dropping it changes nothing). */
    final class Local implements ThrottleStore {

        private final Cache<String, Bucket> buckets = Caffeine.newBuilder().maximumSize(500_000)
                .expireAfterAccess(Duration.ofDays(1)).build();
        private final Cache<String, Boolean> knownAddresses = Caffeine.newBuilder().maximumSize(200_000)
                .expireAfterWrite(Duration.ofDays(30)).build();

        @Override
        public Bucket bucket(String key, Bandwidth limit) {
            return buckets.get(key, k -> Bucket.builder().addLimit(limit).build());
        }

        @Override
        public boolean known(String key) {
            return knownAddresses.getIfPresent(key) != null;
        }

        @Override
        public void markKnown(String key) {
            knownAddresses.put(key, Boolean.TRUE);
        }

        @Override
        public void forget(String account) {
            buckets.asMap().keySet().removeIf(key -> key.endsWith("|account|" + account)
                    || key.contains("|pair|" + account + '|'));
        }
    }
}
