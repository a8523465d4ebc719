package org.gonghui.shared.events;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.core.QueueBuilder;
import org.springframework.amqp.core.Binding;
import org.springframework.amqp.core.BindingBuilder;
import org.springframework.amqp.core.Declarables;
import org.springframework.amqp.core.FanoutExchange;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageProperties;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.amqp.rabbit.listener.SimpleMessageListenerContainer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.modulith.events.EventExternalizationConfiguration;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.modulith.events.RoutingTarget;
import org.springframework.modulith.events.core.TargetEventPublication;
import org.springframework.modulith.events.support.DelegatingEventExternalizer;
import org.springframework.scheduling.annotation.Scheduled;
import tools.jackson.databind.json.JsonMapper;

/**
 * Events to and from RabbitMQ (profile {@code cluster}). Every event of the platform (a type under
 * {@code org.gonghui}, not {@link StaysInProcess}) gets a publication in Spring Modulith's registry for the
 * externalizer, in the publishing transaction; after the commit it is sent to the fanout exchange
 * {@code gonghui.events} with a publisher confirm, off the request's thread. Only a confirmed send completes the
 * publication: while RabbitMQ is down the publication stays, and {@link #resend} sends it again every few seconds
 * (once across instances: ShedLock) until the broker is back. Each instance reads the exchange through a queue of its
 * own (durable, so a broker restart loses nothing) and republishes every event as {@link Remote} — also those it
 * sent itself (a publication resent after an outage is sent by whichever instance runs the job).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "gonghui.cluster.enabled", havingValue = "true")
class ClusterEvents {

    static final String EXCHANGE = "gonghui.events";
    static final String TYPE = "gonghui-type";
    static final String ORIGIN = "gonghui-origin";
    static final String REQUEST_ID = "gonghui-request-id";
    static final String SENT_AT = "gonghui-sent-at";

    private static final Logger log = LoggerFactory.getLogger(ClusterEvents.class);

    @Bean
    EventExternalizationConfiguration eventExternalizationConfiguration() {
        return EventExternalizationConfiguration.externalizing()
                .select(ClusterEvents::leavesTheProcess)
                .routeAll(event -> RoutingTarget.forTarget(EXCHANGE).andKey(event.getClass().getSimpleName()))
                .headers(event -> {
                    String requestId = MDC.get("requestId");
                    return requestId == null ? Map.of() : Map.of(REQUEST_ID, requestId);
                })
                .build();
    }

    static boolean leavesTheProcess(Object event) {
        Class<?> type = event.getClass();
        return type.getName().startsWith("org.gonghui.") && !type.isAnnotationPresent(StaysInProcess.class)
                && !(event instanceof Remote<?>);
    }

    @Bean
    Declarables clusterEventsTopology(Queue clusterEventsQueue) {
        FanoutExchange exchange = new FanoutExchange(EXCHANGE, true, false);
        Binding binding = BindingBuilder.bind(clusterEventsQueue).to(exchange);
        return new Declarables(exchange, binding);
    }

    /**
     * This instance's own queue, named after it ({@code gonghui.cluster.instance}): durable, so that what is sent while
     * the broker restarts and before this instance has reconnected waits for it; dropped by the broker when no
     * instance of that name has used it for ten minutes.
     */
    @Bean
    Queue clusterEventsQueue(@Value("${gonghui.cluster.instance}") String instance) {
        return QueueBuilder.durable(EXCHANGE + "." + instance.replaceAll("[^A-Za-z0-9_.-]", "_"))
                .expires(600_000).build();
    }

    @Bean(destroyMethod = "shutdown")
    ExecutorService clusterEventsSender() {
        return Executors.newSingleThreadExecutor(r -> {
            Thread thread = new Thread(r, "cluster-events-send");
            thread.setDaemon(true);
            return thread;
        });
    }

    @Bean
    DelegatingEventExternalizer rabbitEventExternalizer(EventExternalizationConfiguration configuration,
            RabbitTemplate rabbit, JsonMapper json, ExecutorService clusterEventsSender,
            @Value("${gonghui.cluster.instance}") String instance) {
        return new DelegatingEventExternalizer(configuration, (target, event) -> {
            Map<String, Object> headers = configuration.getHeadersFor(event);
            return CompletableFuture.supplyAsync(() -> {
                MessageProperties properties = new MessageProperties();
                properties.setContentType(MessageProperties.CONTENT_TYPE_JSON);
                properties.setHeader(TYPE, event.getClass().getName());
                properties.setHeader(ORIGIN, instance);
                properties.setHeader(SENT_AT, System.currentTimeMillis());
                headers.forEach(properties::setHeader);
                Message message = new Message(json.writeValueAsBytes(event), properties);
                rabbit.invoke(operations -> {
                    operations.send(target.getTarget(), target.getKey(), message);
                    operations.waitForConfirmsOrDie(5_000);
                    return null;
                });
                return null;
            }, clusterEventsSender);
        });
    }

    @Bean
    SimpleMessageListenerContainer clusterEventsListener(ConnectionFactory connections,
            Queue clusterEventsQueue, JsonMapper json, ApplicationEventPublisher events,
            MeterRegistry meters, @Value("${gonghui.cluster.instance}") String instance) {
        Timer lag = Timer.builder("gonghui.cluster.event.lag")
                .description("from an event's send on one instance to its republication on another")
                .publishPercentiles(0.5, 0.95).register(meters);
        SimpleMessageListenerContainer container = new SimpleMessageListenerContainer(connections);
        container.setQueues(clusterEventsQueue);
        container.setMissingQueuesFatal(false);
        container.setMessageListener(message -> receive(message, json, events, lag, instance));
        return container;
    }

    static void receive(Message message, JsonMapper json, ApplicationEventPublisher events, Timer lag,
            String instance) {
        // no skipping of this instance's own events: a publication that waited for the broker is sent again by
        // whichever instance runs the resend job, under its name; evicting a cache twice costs nothing
        MessageProperties properties = message.getMessageProperties();
        String origin = String.valueOf(properties.getHeaders().get(ORIGIN));
        String typeName = String.valueOf(properties.getHeaders().get(TYPE));
        Object requestId = properties.getHeaders().get(REQUEST_ID);
        if (requestId != null) {
            MDC.put("requestId", requestId.toString());
        }
        try {
            if (!typeName.startsWith("org.gonghui.")) {
                log.warn("ignored an event of type {} from {}", typeName, origin);
                return;
            }
            Class<?> type = Class.forName(typeName, false, ClusterEvents.class.getClassLoader());
            if (type.isAnnotationPresent(StaysInProcess.class)) {
                return;
            }
            Object event = json.readValue(new String(message.getBody(), StandardCharsets.UTF_8), type);
            events.publishEvent(new Remote<>(event, origin, requestId == null ? null : requestId.toString()));
            if (properties.getHeaders().get(SENT_AT) instanceof Number sentAt) {
                lag.record(Duration.ofMillis(Math.max(0, System.currentTimeMillis() - sentAt.longValue())));
            }
        } catch (ClassNotFoundException e) {
            log.warn("ignored an event of unknown type {} from {} (another version?)", typeName, origin);
        } finally {
            MDC.remove("requestId");
        }
    }

    /** Sends again what RabbitMQ did not confirm (it was down), once across instances. */
    @Bean
    Resender clusterEventsResender(IncompleteEventPublications publications) {
        return new Resender(publications);
    }

    static class Resender {

        private final IncompleteEventPublications publications;

        Resender(IncompleteEventPublications publications) {
            this.publications = publications;
        }

        @Scheduled(fixedDelayString = "${gonghui.cluster.resend-delay:5000}", initialDelay = 5_000)
        @SchedulerLock(name = "cluster-events-resend", lockAtMostFor = "PT1M")
        public void resend() {
            java.time.Instant before = java.time.Instant.now().minusSeconds(5);
            publications.resubmitIncompletePublications(publication -> publication.getPublicationDate().isBefore(before)
                    && publication instanceof TargetEventPublication target
                    && target.getTargetIdentifier().getValue().contains("externalize"));
        }
    }
}
