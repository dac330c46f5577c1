package org.clinic.statistics;

import com.github.benmanes.caffeine.cache.Caffeine;
import org.springframework.cache.Cache;
import org.springframework.cache.caffeine.CaffeineCacheManager;
import org.springframework.cache.interceptor.CacheOperationInvocationContext;
import org.springframework.cache.interceptor.CacheResolver;
import org.springframework.cache.interceptor.SimpleCacheResolver;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The dashboard's two named caches (Caffeine, through Spring Cache): today's figures and the thirty-day history.
 * <p>
 * Each cache has a generation that is part of every key. A change moves the generation on and clears the cache:
 * a read that started before the change and finishes after it lands under the old generation and is never served,
 * so the dashboard cannot go on showing the state from before a check-in.
 * <p>
 * The cache manager is private to this module (reached through this resolver, not a {@code CacheManager} bean), so
 * Spring Boot's own cache manager stays in place for any other module that caches.
 */
@Component(StatisticsCaches.RESOLVER)
class StatisticsCaches implements CacheResolver {

    static final String RESOLVER = "statisticsCacheResolver";
    static final String TODAY = "statistics-today";
    static final String HISTORY = "statistics-history";

    private final CaffeineCacheManager manager = new CaffeineCacheManager();
    private final SimpleCacheResolver resolver = new SimpleCacheResolver(manager);
    private final AtomicLong todayGeneration = new AtomicLong();
    private final AtomicLong historyGeneration = new AtomicLong();

    StatisticsCaches() {
        manager.setCacheNames(List.of()); // only the caches below, no others created on the fly
        manager.setAllowNullValues(false);
        // Events evict; the expiry only catches changes made behind the application's back (a manual SQL fix).
        manager.registerCustomCache(TODAY, Caffeine.newBuilder().maximumSize(16)
                .expireAfterWrite(Duration.ofMinutes(10)).build());
        manager.registerCustomCache(HISTORY, Caffeine.newBuilder().maximumSize(16)
                .expireAfterWrite(Duration.ofHours(6)).build());
    }

    @Override
    public Collection<? extends Cache> resolveCaches(CacheOperationInvocationContext<?> context) {
        return resolver.resolveCaches(context);
    }

    long todayGeneration() {
        return todayGeneration.get();
    }

    long historyGeneration() {
        return historyGeneration.get();
    }

    void todayChanged() {
        todayGeneration.incrementAndGet();
        cache(TODAY).clear();
    }

    void historyChanged() {
        historyGeneration.incrementAndGet();
        cache(HISTORY).clear();
    }

    /** How many figure sets a cache holds now (for tests and the benchmark). */
    long size(String name) {
        return ((com.github.benmanes.caffeine.cache.Cache<?, ?>) cache(name).getNativeCache()).estimatedSize();
    }

    private Cache cache(String name) {
        Cache cache = manager.getCache(name);
        if (cache == null) {
            throw new IllegalStateException("No cache " + name);
        }
        return cache;
    }
}
