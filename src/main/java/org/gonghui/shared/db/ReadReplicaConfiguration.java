package org.gonghui.shared.db;

import com.zaxxer.hikari.HikariDataSource;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import javax.sql.DataSource;
import org.aopalliance.intercept.MethodInterceptor;
import org.gonghui.shared.security.CurrentUser;
import org.springframework.aop.framework.autoproxy.AbstractBeanFactoryAwareAdvisingPostProcessor;
import org.springframework.aop.support.ComposablePointcut;
import org.springframework.aop.support.DefaultPointcutAdvisor;
import org.springframework.aop.support.annotation.AnnotationMatchingPointcut;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.core.env.Environment;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.datasource.LazyConnectionDataSourceProxy;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.transaction.TransactionExecution;
import org.springframework.transaction.TransactionExecutionListener;

/**
 * A read replica ({@code gonghui.db.replica-url}, {@code GONGHUI_DB_REPLICA_URL}): the application's data source
 * becomes a {@link LazyConnectionDataSourceProxy} over {@link ReadReplica}'s routing, which takes a connection only
 * when a statement runs — by then the transaction's read-only flag and the {@link MayLag} scope are known. Two Hikari
 * pools: the primary (configured as without a replica, {@code spring.datasource.*}) and the replica (same user and
 * password unless {@code gonghui.db.replica-user}/{@code -password} say otherwise). Without the setting none of this
 * exists and {@link MayLag} changes nothing.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${gonghui.db.replica-url:}' != ''")
class ReadReplicaConfiguration {

    @Bean
    WriteMarks writeMarks(ObjectProvider<StringRedisTemplate> redis,
            @Value("${gonghui.cluster.redis-prefix:gonghui}") String prefix,
            @Value("${gonghui.cluster.enabled:false}") boolean cluster) {
        StringRedisTemplate template = cluster ? redis.getIfAvailable() : null;
        return template == null ? new WriteMarks.InProcess(System::nanoTime) : new WriteMarks.InRedis(template, prefix);
    }

    @Bean(destroyMethod = "close")
    ReadReplica readReplica(DataSourceProperties properties, Environment environment, WriteMarks marks,
            ObjectProvider<MeterRegistry> meters,
            @Value("${gonghui.db.replica-url}") String url,
            @Value("${gonghui.db.replica-user:}") String user,
            @Value("${gonghui.db.replica-password:}") String password,
            @Value("${gonghui.db.replica-max-lag:10s}") Duration maxLag,
            @Value("${gonghui.db.replica-check-every:1s}") Duration checkEvery) {
        HikariDataSource primary = properties.initializeDataSourceBuilder().type(HikariDataSource.class).build();
        Binder.get(environment).bind("spring.datasource.hikari", Bindable.ofInstance(primary));
        if (primary.getPoolName() == null) {
            primary.setPoolName("primary");
        }
        HikariDataSource replica = new HikariDataSource();
        replica.setPoolName("replica");
        replica.setJdbcUrl(url);
        replica.setUsername(user.isBlank() ? primary.getUsername() : user);
        replica.setPassword(user.isBlank() ? primary.getPassword() : password);
        replica.setMaximumPoolSize(primary.getMaximumPoolSize());
        replica.setConnectionTimeout(2_000);
        replica.setValidationTimeout(1_000);
        replica.setInitializationFailTimeout(-1); // an instance starts while its replica is down
        replica.setReadOnly(true);
        ReadReplica readReplica = new ReadReplica(primary, replica, marks, maxLag, checkEvery, System::nanoTime);
        meters.ifAvailable(readReplica::meters);
        return readReplica;
    }

    @Bean
    @Primary
    DataSource dataSource(ReadReplica replica) {
        return new LazyConnectionDataSourceProxy(replica.routing());
    }

    @Bean
    ReplicaCheck replicaCheck(ReadReplica replica) {
        return new ReplicaCheck(replica);
    }

    /** Checks the replica every second on every instance (not once across instances: each routes its own reads). */
    static class ReplicaCheck {

        private final ReadReplica replica;

        ReplicaCheck(ReadReplica replica) {
            this.replica = replica;
            replica.check();
        }

        @Scheduled(fixedDelayString = "${gonghui.db.replica-check-every:1s}")
        public void check() {
            replica.check();
        }
    }

    /** After a signed-in user's write transaction: remember the primary's WAL position for their next reads. */
    @Bean
    TransactionExecutionListener readYourOwnWrites(ReadReplica replica) {
        return new TransactionExecutionListener() {
            @Override
            public void afterCommit(TransactionExecution transaction, Throwable failure) {
                if (failure == null && transaction.isNewTransaction() && !transaction.isReadOnly()) {
                    CurrentUser.current().ifPresent(user -> replica.wrote(user.accountId()));
                }
            }
        };
    }

    /** The replica's state in {@code /actuator/health} (never DOWN: the primary serves every read without it). */
    @Bean
    HealthIndicator replicaHealthIndicator(ReadReplica replica) {
        return () -> Health.up().withDetails(replica.details()).build();
    }

    /** Puts {@link MayLag} methods in the lagging scope, outside their transaction (before its advice). */
    @Bean
    static MayLagPostProcessor mayLagPostProcessor() {
        return new MayLagPostProcessor();
    }

    static class MayLagPostProcessor extends AbstractBeanFactoryAwareAdvisingPostProcessor {

        MayLagPostProcessor() {
            MethodInterceptor scope = invocation -> {
                ReadReplica.enter();
                try {
                    return invocation.proceed();
                } finally {
                    ReadReplica.leave();
                }
            };
            this.advisor = new DefaultPointcutAdvisor(new ComposablePointcut(new AnnotationMatchingPointcut(MayLag.class, true))
                    .union(AnnotationMatchingPointcut.forMethodAnnotation(MayLag.class)), scope);
            setBeforeExistingAdvisors(true);
            setProxyTargetClass(true);
        }
    }
}
