package org.clinic.base;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.UIDetachedException;
import com.vaadin.flow.shared.Registration;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Delivers {@link LiveEvent}s to open screens after the publishing transaction commits (never a rolled-back
 * state). A screen subscribes with a filter and a refresh action that re-reads what it shows through its services;
 * bursts are coalesced per screen: the first change of a burst is shown at once, the rest at most once per
 * {@link ClinicDefaults.Live#minRefreshInterval()}.
 * <p>
 * Screens that many people watch at once (waiting-room displays, patients' position pages) {@link #follow} instead:
 * what they show is read outside their session's lock, as their viewer, from a read model shared by all of them,
 * and only a screen whose part changed is locked, changed and pushed to.
 * <p>
 * Meters: {@code clinic.live.delivery} (from the commit of a change to a screen's update being handed to push; for
 * a coalesced burst, from its first change) and {@code clinic.live.screens} (screens open with live updates).
 */
@Component
public class LiveUpdates {

    private static final Logger log = LoggerFactory.getLogger(LiveUpdates.class);

    private final CopyOnWriteArrayList<Subscription<?>> subscriptions = new CopyOnWriteArrayList<>();
    private final ExecutorService fanOut = Executors.newSingleThreadExecutor(Thread.ofPlatform().daemon().name("live-updates").factory());
    private final ScheduledExecutorService delayed = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().daemon().name("live-updates-delayed").factory());
    /**
     * Screens are refreshed in parallel: each refresh runs under its own session's lock, re-reads through the
     * services and pushes, so one slow screen does not hold up the others.
     */
    private final ExecutorService delivery = Executors.newFixedThreadPool(
            Math.max(4, 2 * Runtime.getRuntime().availableProcessors()),
            Thread.ofPlatform().daemon().name("live-updates-delivery-", 0).factory());
    private final long minIntervalNanos;
    private final Timer delivered;

    LiveUpdates(ClinicSettings settings, MeterRegistry meters) {
        this.minIntervalNanos = settings.live().minRefreshInterval().toNanos();
        this.delivered = Timer.builder("clinic.live.delivery")
                .description("From the commit of a change to a screen's update being handed to push")
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(1))
                .maximumExpectedValue(Duration.ofSeconds(30))
                .register(meters);
        Gauge.builder("clinic.live.screens", this, LiveUpdates::screens)
                .description("Screens open with live updates (a push connection each)")
                .register(meters);
    }

    /** Screens (UIs) with at least one live subscription. */
    double screens() {
        return subscriptions.stream().map(s -> s.ui).distinct().count();
    }

    /**
     * Subscribes a screen: whenever an event of the given type that passes the filter is committed, {@code refresh}
     * runs inside {@link UI#access}. Call from {@code onAttach}; remove the returned registration in
     * {@code onDetach}. The registration is also removed automatically when the UI is detached.
     */
    public <E extends LiveEvent> Registration subscribe(UI ui, Class<E> type, Predicate<? super E> filter, Runnable refresh) {
        return add(new Subscription<>(ui, type, filter, null, value -> refresh.run()));
    }

    /**
     * Keeps a component current for as long as it is on screen: {@code refresh} runs on every attach and then on every
     * committed event of the type that passes the filter; the subscription ends when the component is detached. For
     * components that need nothing else in {@code onAttach}/{@code onDetach}.
     */
    public <E extends LiveEvent> void whileAttached(com.vaadin.flow.component.Component component, Class<E> type,
                                                    Predicate<? super E> filter, Runnable refresh) {
        component.addAttachListener(attached -> {
            refresh.run();
            Registration subscription = subscribe(attached.getUI(), type, filter, refresh);
            component.addDetachListener(detached -> {
                subscription.remove();
                detached.unregisterListener();
            });
        });
    }

    /**
     * Follows a shared read: on every committed change that passes the filter, {@code read} runs on a delivery thread
     * as the screen's viewer (the security context of the caller, captured now: call from {@code onAttach}); when
     * its value differs from the one last shown, {@code show} gets it inside {@link UI#access}. {@code read} should
     * be cheap (a projection of a shared read model) and must not touch the screen's components.
     */
    public <E extends LiveEvent, T> Registration follow(UI ui, Class<E> type, Predicate<? super E> filter,
                                                        Supplier<T> read, Consumer<? super T> show) {
        SecurityContext viewer = SecurityContextHolder.getContext();
        Supplier<Object> asViewer = () -> {
            SecurityContextHolder.setContext(viewer);
            try {
                return read.get();
            } finally {
                SecurityContextHolder.clearContext();
            }
        };
        @SuppressWarnings("unchecked")
        Consumer<Object> shown = value -> show.accept((T) value);
        return add(new Subscription<>(ui, type, filter, asViewer, shown));
    }

    private Registration add(Subscription<?> subscription) {
        subscriptions.add(subscription);
        return () -> subscriptions.remove(subscription);
    }

    public <E extends LiveEvent> Registration subscribe(UI ui, Class<E> type, Runnable refresh) {
        return subscribe(ui, type, event -> true, refresh);
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void onCommitted(LiveEvent event) {
        long committed = System.nanoTime();
        fanOut.execute(() -> {
            for (Subscription<?> subscription : subscriptions) {
                subscription.offer(event, committed);
            }
        });
    }

    @PreDestroy
    void shutdown() {
        fanOut.shutdownNow();
        delivery.shutdownNow();
        delayed.shutdownNow();
    }

    private final class Subscription<E extends LiveEvent> {
        private final UI ui;
        private final Class<E> type;
        private final Predicate<? super E> filter;
        private final @Nullable Supplier<Object> read;
        private final Consumer<Object> show;
        private long lastRefresh = System.nanoTime() - Long.MAX_VALUE / 2;
        private boolean pending;
        private long pendingSince;
        private @Nullable Object lastRead;

        Subscription(UI ui, Class<E> type, Predicate<? super E> filter, @Nullable Supplier<Object> read,
                     Consumer<Object> show) {
            this.ui = ui;
            this.type = type;
            this.filter = filter;
            this.read = read;
            this.show = show;
        }

        void offer(LiveEvent event, long committed) {
            // LiveResync: events may have been missed (the bus between nodes was down), so every screen re-reads
            if (!(event instanceof LiveResync) && (!type.isInstance(event) || !filter.test(type.cast(event)))) {
                return;
            }
            long wait;
            synchronized (this) {
                if (pending) {
                    return; // a refresh is already on its way and will read the newest state
                }
                wait = lastRefresh + minIntervalNanos - System.nanoTime();
                if (wait > 0) {
                    pending = true;
                    pendingSince = committed;
                } else {
                    lastRefresh = System.nanoTime();
                }
            }
            if (wait > 0) {
                delayed.schedule(this::refreshNow, wait, TimeUnit.NANOSECONDS);
            } else {
                delivery.execute(() -> deliver(committed));
            }
        }

        private void refreshNow() {
            long since;
            synchronized (this) {
                pending = false;
                lastRefresh = System.nanoTime();
                since = pendingSince;
            }
            delivery.execute(() -> deliver(since));
        }

        private void deliver(long committed) {
            try {
                Object value = null;
                if (read != null) {
                    try {
                        value = read.get();
                    } catch (RuntimeException unavailable) {
                        // e.g. the database is away: keep showing the last state; the next change or poll heals it
                        log.debug("Live read failed", unavailable);
                        return;
                    }
                    synchronized (this) {
                        if (Objects.equals(value, lastRead)) {
                            return; // this screen's part did not change: not locked, not pushed to
                        }
                        lastRead = value;
                    }
                }
                Object changed = value;
                ui.access(() -> {
                    show.accept(changed);
                    delivered.record(System.nanoTime() - committed, TimeUnit.NANOSECONDS);
                });
            } catch (UIDetachedException e) {
                subscriptions.remove(this);
            } catch (RuntimeException e) {
                log.warn("Live update could not be delivered", e);
            }
        }
    }
}
