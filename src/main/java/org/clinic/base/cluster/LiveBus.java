package org.clinic.base.cluster;

import org.clinic.base.LiveEvent;
import org.clinic.base.LiveResync;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.SmartLifecycle;
import org.springframework.data.redis.connection.MessageListener;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.listener.RedisMessageListenerContainer;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Carries live events between nodes through one Redis pub/sub channel.
 * <ul>
 *   <li>Relay: every {@link LiveEvent} committed on this node is sent with this node's id (after the commit, off the
 *   committing thread, in order).</li>
 *   <li>Subscriber: an event sent by another node is published here with Spring's event publisher, outside any
 *   transaction, so every after-commit listener ({@code fallbackExecution = true}) runs as on the sending node:
 *   screens refresh, caches drop. An event received so is never sent on again.</li>
 *   <li>Watch: each node sends itself a heartbeat every reconcile interval through the same channel. While its own
 *   heartbeats do not come back, or a connection dropped, the bus is down: the node publishes {@link LiveResync}
 *   locally at every interval (screens and caches re-read the database). When they come back (Lettuce reconnects
 *   and re-subscribes by itself), it is up again and publishes one more {@link LiveResync}, since events may have
 *   been missed in between. A node also resyncs when another node is heard again after a silence: that node's own
 *   events of the silence never arrived.</li>
 * </ul>
 * {@link LiveResync} itself never travels: each node decides for itself.
 */
public class LiveBus implements MessageListener, SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(LiveBus.class);

    /** Set while an event received from the bus is published here, so the relay does not send it back. */
    private static final ThreadLocal<Boolean> RECEIVED = new ThreadLocal<>();

    public enum State { STARTING, UP, DOWN }

    private final StringRedisTemplate redis;
    private final RedisMessageListenerContainer subscription;
    private final ApplicationEventPublisher events;
    private final LiveEventCodec codec;
    private final ClusterSettings settings;
    private final long intervalNanos;
    private final ExecutorService sending = Executors.newSingleThreadExecutor(
            Thread.ofPlatform().daemon().name("live-bus-send").factory());
    private final ScheduledExecutorService watch = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().daemon().name("live-bus-watch").factory());
    /** Other nodes heard, with when they were last heard (System.nanoTime). */
    private final Map<String, Long> peers = new ConcurrentHashMap<>();

    private volatile State state = State.STARTING;
    private volatile Instant downSince = Instant.now();
    private volatile long ownHeartbeatAt = System.nanoTime();
    private volatile boolean running;

    LiveBus(StringRedisTemplate redis, RedisMessageListenerContainer subscription, ApplicationEventPublisher events,
            LiveEventCodec codec, ClusterSettings settings) {
        this.redis = redis;
        this.subscription = subscription;
        this.events = events;
        this.codec = codec;
        this.settings = settings;
        this.intervalNanos = settings.reconcileInterval().toNanos();
    }

    // ---------------------------------------------------------------- relay

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void committed(LiveEvent event) {
        if (RECEIVED.get() != null || event instanceof LiveResync || !running) {
            return;
        }
        String message;
        try {
            message = codec.event(settings.nodeId(), event);
        } catch (RuntimeException e) {
            // never fail the committed caller over it; other nodes reconcile at the latest on the display's poll
            log.warn("A live event could not be sent to the other nodes: {}", e.getMessage());
            return;
        }
        sending.execute(() -> send(message));
    }

    private void send(String message) {
        try {
            redis.convertAndSend(settings.channel(), message);
        } catch (RuntimeException e) {
            down("cannot send: " + e.getMessage());
        }
    }

    // ---------------------------------------------------------------- subscriber

    @Override
    public void onMessage(org.springframework.data.redis.connection.Message raw, byte[] pattern) {
        LiveEventCodec.Message message;
        try {
            message = codec.read(raw.getBody());
        } catch (LiveEventCodec.Refused refused) {
            log.warn("Refused a message on the live update bus: {}", refused.getMessage());
            return;
        }
        if (message.node().equals(settings.nodeId())) {
            if (message.kind() == LiveEventCodec.Kind.HEARTBEAT) {
                ownHeartbeat();
            }
            return;
        }
        if (message.kind() == LiveEventCodec.Kind.LEAVING) {
            peers.remove(message.node());
            return;
        }
        Long before = peers.put(message.node(), System.nanoTime());
        if (before != null && System.nanoTime() - before > silence()) {
            log.info("Node {} is heard again on the live update bus: re-reading from the database", message.node());
            publishHere(new LiveResync());
        }
        if (message.event() != null) {
            publishHere(message.event());
        }
    }

    private void publishHere(LiveEvent event) {
        RECEIVED.set(Boolean.TRUE);
        try {
            events.publishEvent(event);
        } catch (RuntimeException e) {
            log.warn("A live event from another node could not be handled here", e);
        } finally {
            RECEIVED.remove();
        }
    }

    // ---------------------------------------------------------------- watch

    private void tick() {
        if (!running) {
            return;
        }
        if (!subscription.isListening()) {
            subscribe();
        }
        String heartbeat = codec.heartbeat(settings.nodeId());
        sending.execute(() -> send(heartbeat));
        if (state != State.DOWN && System.nanoTime() - ownHeartbeatAt > silence()) {
            down("no heartbeat for " + (System.nanoTime() - ownHeartbeatAt) / 1_000_000 + " ms");
        } else if (state == State.DOWN) {
            publishHere(new LiveResync()); // reconciling
        }
        long now = System.nanoTime();
        peers.values().removeIf(heard -> now - heard > TimeUnit.MINUTES.toNanos(10));
    }

    /**
     * (Re)starts the subscription. Once subscribed, Lettuce keeps it through lost connections by itself; only a
     * subscription that never came about (Redis away when the node started) is tried again here, every interval.
     */
    private void subscribe() {
        try {
            subscription.stop();
            subscription.start();
        } catch (RuntimeException e) {
            down("cannot subscribe: " + e.getMessage());
        }
    }

    private synchronized void ownHeartbeat() {
        ownHeartbeatAt = System.nanoTime();
        if (state == State.UP) {
            return;
        }
        if (state == State.DOWN) {
            log.info("Live update bus up again (node {}): re-reading from the database once", settings.nodeId());
        } else {
            log.info("Live update bus up (node {}, channel {})", settings.nodeId(), settings.channel());
        }
        state = State.UP;
        publishHere(new LiveResync());
    }

    /** The bus cannot be trusted to have delivered everything: reconcile with the database until it is back. */
    synchronized void down(String reason) {
        if (state == State.DOWN || !running) {
            return;
        }
        state = State.DOWN;
        downSince = Instant.now();
        ownHeartbeatAt = System.nanoTime() - 2 * silence(); // only a heartbeat sent from now on brings it back up
        log.warn("Live update bus down: reconciling with the database every {} ({})", settings.every(), reason);
        publishHere(new LiveResync());
    }

    /** Longer than a heartbeat's round trip ever takes on a working bus. */
    private long silence() {
        return intervalNanos * 5 / 2;
    }

    public State state() {
        return state;
    }

    public Instant downSince() {
        return downSince;
    }

    public int peers() {
        return peers.size();
    }

    public ClusterSettings settings() {
        return settings;
    }

    // ---------------------------------------------------------------- lifecycle

    @Override
    public void start() {
        running = true;
        watch.scheduleWithFixedDelay(this::tick, 0, intervalNanos, TimeUnit.NANOSECONDS);
    }

    @Override
    public void stop() {
        running = false;
        watch.shutdownNow();
        try {
            sending.submit(() -> redis.convertAndSend(settings.channel(), codec.leaving(settings.nodeId())))
                    .get(1, TimeUnit.SECONDS);
        } catch (Exception e) {
            // the others forget this node by its silence instead
        }
        sending.shutdownNow();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return Integer.MAX_VALUE; // started after the listener container (phase below), stopped before it
    }
}
