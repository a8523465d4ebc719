package org.gonghui.account;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

/** The throttle's buckets: in this process, or in Redis when the instances form a cluster. */
@Configuration(proxyBeanMethods = false)
class ThrottleStoreConfiguration {

    @Bean
    @ConditionalOnProperty(name = "gonghui.cluster.enabled", havingValue = "true")
    ThrottleStore redisThrottleStore(LettuceConnectionFactory connections, StringRedisTemplate redis,
            @Value("${gonghui.cluster.redis-prefix:gonghui}") String prefix) {
        return new RedisThrottleStore(connections, redis, prefix);
    }

    @Bean
    @ConditionalOnProperty(name = "gonghui.cluster.enabled", havingValue = "false", matchIfMissing = true)
    ThrottleStore localThrottleStore() {
        return new ThrottleStore.Local();
    }
}
