package org.clinic.benchmark;

import org.clinic.queue.QueueChanged;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The wall-clock time (epoch µs) at which queue changes committed, taken in an after-commit listener: the last one,
 * and the last one per queue line. Benchmarks {@code @Import(CommitClock.Configuration.class)}.
 */
final class CommitClock {

    final AtomicLong lastMicros = new AtomicLong();
    private final Map<String, Long> byLine = new ConcurrentHashMap<>();

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void committed(QueueChanged changed) {
        long now = SyntheticScreen.epochMicros();
        lastMicros.set(now);
        changed.lines().forEach(line -> byLine.put(line, now));
    }

    /** When the last change to this line committed (epoch µs), 0 if none yet. */
    long lastMicros(String line) {
        return byLine.getOrDefault(line, 0L);
    }

    @TestConfiguration
    static class Configuration {
        @Bean
        CommitClock commitClock() {
            return new CommitClock();
        }
    }
}
