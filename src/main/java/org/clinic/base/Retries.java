package org.clinic.base;

import org.springframework.dao.PessimisticLockingFailureException;

import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Predicate;
import java.util.function.Supplier;

/** Runs a whole transaction again when MariaDB chose it as a deadlock victim (or another retryable failure). */
public final class Retries {

    private static final int ATTEMPTS = 8;

    private Retries() {
    }

    public static <T> T retryingDeadlocks(Supplier<T> transaction) {
        return retrying(transaction, e -> false);
    }

    /** Retries deadlocks and lock wait timeouts, and any failure {@code alsoRetry} accepts, with a short backoff. */
    public static <T> T retrying(Supplier<T> transaction, Predicate<RuntimeException> alsoRetry) {
        for (int attempt = 1; ; attempt++) {
            try {
                return transaction.get();
            } catch (RuntimeException e) {
                boolean retryable = e instanceof PessimisticLockingFailureException || alsoRetry.test(e);
                if (!retryable || attempt == ATTEMPTS) {
                    throw e;
                }
                try {
                    Thread.sleep(ThreadLocalRandom.current().nextLong(1, 5L << attempt));
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }
}
