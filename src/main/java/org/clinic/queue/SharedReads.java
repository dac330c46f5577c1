package org.clinic.queue;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Reads that many screens share: at most one in flight per key, the others wait for it; kept until dropped (a
 * committed change) or no longer fresh, then read again by the next to ask. A failed read is not kept.
 */
final class SharedReads<K, V> {

    private final ConcurrentHashMap<K, CompletableFuture<V>> reads = new ConcurrentHashMap<>();

    V get(K key, Supplier<V> read, Predicate<V> fresh) {
        for (int attempt = 0; ; attempt++) {
            CompletableFuture<V> mine = new CompletableFuture<>();
            CompletableFuture<V> shared = reads.putIfAbsent(key, mine);
            if (shared == null) {
                try {
                    mine.complete(read.get());
                } catch (RuntimeException e) {
                    reads.remove(key, mine);
                    mine.completeExceptionally(e);
                    throw e;
                }
                return mine.join();
            }
            try {
                V value = shared.join();
                if (fresh.test(value) || attempt > 0) {
                    return value;
                }
            } catch (CompletionException failed) {
                if (attempt > 0) {
                    throw failed;
                }
            }
            reads.remove(key, shared);
        }
    }

    /** Drops the reads a change made stale, and those still in flight (they may have begun before it). */
    void dropIf(Predicate<V> stale) {
        reads.values().removeIf(read -> !read.isDone() || read.isCompletedExceptionally() || stale.test(read.join()));
    }

    void clear() {
        reads.clear();
    }
}
