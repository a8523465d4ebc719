package org.gonghui.account;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.redis.lettuce.Bucket4jLettuce;
import io.lettuce.core.RedisClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.Cursor;
import org.springframework.data.redis.core.ScanOptions;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * The sign-in throttle's buckets in Redis (Bucket4j's Lettuce proxy manager, compare-and-swap), so a guesser who is
 * refused on one instance is refused on every other: keys {@code <prefix>:signin:<bucket>}, each expiring once its
 * bucket would be full again. The addresses an account signed in from are kept 30 days.
 */
final class RedisThrottleStore implements ThrottleStore {

    private static final Duration KNOWN_FOR = Duration.ofDays(30);

    private final ProxyManager<byte[]> buckets;
    private final StringRedisTemplate redis;
    private final String prefix;

    RedisThrottleStore(LettuceConnectionFactory connections, StringRedisTemplate redis, String prefix) {
        this.buckets = Bucket4jLettuce.casBasedBuilder((RedisClient) connections.getNativeClient())
                .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(
                        Duration.ofMinutes(1)))
                .requestTimeout(Duration.ofSeconds(2)).build();
        this.redis = redis;
        this.prefix = prefix + ":signin:";
    }

    @Override
    public Bucket bucket(String key, Bandwidth limit) {
        return buckets.builder().build((prefix + key).getBytes(StandardCharsets.UTF_8),
                () -> BucketConfiguration.builder().addLimit(limit).build());
    }

    @Override
    public boolean known(String key) {
        return Boolean.TRUE.equals(redis.hasKey(prefix + "known|" + key));
    }

    @Override
    public void markKnown(String key) {
        redis.opsForValue().set(prefix + "known|" + key, "1", KNOWN_FOR);
    }

    @Override
    public void forget(String account) {
        String name = glob(account);
        List<String> keys = new ArrayList<>();
        for (String pattern : List.of(prefix + "*|account|" + name, prefix + "*|pair|" + name + "|*")) {
            try (Cursor<String> cursor = redis.scan(ScanOptions.scanOptions().match(pattern).count(1000).build())) {
                cursor.forEachRemaining(keys::add);
            }
        }
        if (!keys.isEmpty()) {
            redis.delete(keys);
        }
    }

    /** The account name with Redis's pattern characters escaped. */
    static String glob(String text) {
        return text.replaceAll("([\\\\*?\\[\\]^-])", "\\\\$1");
    }
}
