package org.clinic.base;

import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Runs a whole transaction again when MariaDB chose it as a deadlock victim (or another retryable failure).
 * Only the transaction's owner retries: called inside a transaction that someone else began, the work runs once and
 * the failure goes up to the owner, because MariaDB has already rolled the whole transaction back and a retry of
 * one part of it would run outside the transaction it belongs to.
 */
public final class Retries {

    private static final int ATTEMPTS = 8;

    private Retries() {
    }

    public static <T> T retryingDeadlocks(Supplier<T> transaction) {
        return retrying(transaction, e -> false);
    }

    /** Retries deadlocks and lock wait timeouts, and any failure {@code alsoRetry} accepts, with a short backoff. */
    public static <T> T retrying(Supplier<T> transaction, Predicate<RuntimeException> alsoRetry) {
        if (TransactionSynchronizationManager.isActualTransactionActive()) {
            return transaction.get(); // joins the owner's transaction: the owner retries
        }
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
