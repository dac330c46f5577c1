package org.clinic.visit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import org.springframework.stereotype.Component;

import java.time.Duration;

/**
 * Rate limits against guessing: unknown visit links per address, failed kiosk attempts per kiosk account. Token
 * buckets (bucket4j) that refill over their window, held in this node's memory: a limit per node, forgotten on
 * restart, which is enough to make guessing a 144-bit link or a code with a date of birth hopeless.
 */
@Component
class VisitLimits {

    private final Cache<String, Bucket> unknownLinks;
    private final Cache<String, Bucket> kioskFailures;
    private final VisitSettings settings;

    VisitLimits(VisitSettings settings) {
        this.settings = settings;
        this.unknownLinks = buckets(settings.unknownLinksWindow());
        this.kioskFailures = buckets(settings.kioskFailuresWindow());
    }

    /** Whether this address used up its unknown links: it then sees only the neutral page. */
    boolean linksLimited(String address) {
        Bucket bucket = unknownLinks.getIfPresent(address);
        return bucket != null && bucket.getAvailableTokens() <= 0;
    }

    void unknownLink(String address) {
        unknownLinks.get(address, key -> bucket(settings.unknownLinksPerAddress(), settings.unknownLinksWindow()))
                .tryConsume(1);
    }

    boolean kioskLimited(String kiosk) {
        Bucket bucket = kioskFailures.getIfPresent(kiosk);
        return bucket != null && bucket.getAvailableTokens() <= 0;
    }

    void kioskFailed(String kiosk) {
        kioskFailures.get(kiosk, key -> bucket(settings.kioskFailures(), settings.kioskFailuresWindow())).tryConsume(1);
    }

    private static Cache<String, Bucket> buckets(Duration window) {
        return Caffeine.newBuilder().expireAfterAccess(window.multipliedBy(2)).maximumSize(100_000).build();
    }

    private static Bucket bucket(int capacity, Duration window) {
        return Bucket.builder().addLimit(Bandwidth.builder().capacity(capacity).refillGreedy(capacity, window).build())
                .build();
    }
}
