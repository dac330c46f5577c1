package org.clinic.base.cluster;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.event.connection.ConnectionDeactivatedEvent;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.DefaultClientResources;
import io.lettuce.core.resource.Delay;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.connection.lettuce.LettuceClientConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.listener.ChannelTopic;
import org.springframework.data.redis.listener.RedisMessageListenerContainer;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * The Redis side of several nodes, only when {@code clinic.cluster.redis-url} is set. Spring Boot's own Redis
 * configuration and health indicator are excluded in application.properties: with one node nothing here exists and
 * nothing tries to connect. Connections fail fast and reconnect by themselves, at most one reconcile interval apart.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(ClusterEnabled.class)
class ClusterConfiguration {

    @Bean(destroyMethod = "shutdown")
    ClientResources liveBusClientResources(ClusterSettings settings) {
        Duration interval = settings.reconcileInterval();
        return DefaultClientResources.builder()
                .reconnectDelay(Delay.exponential(Duration.ofMillis(50), interval, 2, TimeUnit.MILLISECONDS))
                .build();
    }

    @Bean
    LettuceConnectionFactory liveBusConnectionFactory(ClusterSettings settings, ClientResources resources) {
        Duration timeout = settings.reconcileInterval().compareTo(Duration.ofSeconds(1)) < 0
                ? settings.reconcileInterval() : Duration.ofSeconds(1);
        LettuceClientConfiguration client = LettuceClientConfiguration.builder()
                .clientResources(resources)
                .commandTimeout(timeout)
                .clientOptions(ClientOptions.builder()
                        .autoReconnect(true)
                        // while disconnected, a send fails at once (the bus is then down and nodes reconcile)
                        // rather than queueing up and blocking
                        .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                        .socketOptions(SocketOptions.builder().connectTimeout(timeout).build())
                        .timeoutOptions(TimeoutOptions.enabled(timeout))
                        .build())
                .build();
        return new LettuceConnectionFactory(
                LettuceConnectionFactory.createRedisConfiguration(java.util.Objects.requireNonNull(settings.redisUrl())),
                client);
    }

    @Bean
    StringRedisTemplate liveBusTemplate(RedisConnectionFactory connections) {
        return new StringRedisTemplate(connections);
    }

    @Bean
    LiveEventCodec liveEventCodec() {
        return new LiveEventCodec();
    }

    /** Started by the bus itself, and started again until Redis answers (a node may start while Redis is away). */
    @Bean
    RedisMessageListenerContainer liveBusListener(RedisConnectionFactory connections, ClusterSettings settings) {
        RedisMessageListenerContainer container = new RedisMessageListenerContainer();
        container.setConnectionFactory(connections);
        // one thread: events from the bus are handled in the order they were sent
        container.setTaskExecutor(Executors.newSingleThreadExecutor(
                Thread.ofPlatform().daemon().name("live-bus-receive").factory()));
        container.setRecoveryInterval(settings.reconcileInterval().toMillis());
        container.setAutoStartup(false);
        container.setPhase(Integer.MAX_VALUE - 100); // stopped after the bus
        return container;
    }

    @Bean
    LiveBus liveBus(StringRedisTemplate redis, RedisMessageListenerContainer subscription,
                    ApplicationEventPublisher events, LiveEventCodec codec, ClusterSettings settings,
                    ClientResources resources) {
        LiveBus bus = new LiveBus(redis, subscription, events, codec, settings);
        subscription.addMessageListener(bus, new ChannelTopic(settings.channel()));
        // A dropped connection is noticed at once, not only when the next heartbeat fails to come back.
        resources.eventBus().get()
                .filter(ConnectionDeactivatedEvent.class::isInstance)
                .subscribe(event -> bus.down("connection to Redis lost"));
        return bus;
    }
}
