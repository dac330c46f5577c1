package org.clinic.api;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.OptionalLong;

/**
 * A token bucket per API token ({@code clinic.api.calls-per-minute}, refilled evenly over the minute). Kept in this
 * node's memory: enough for one node; with several, each node counts its own calls (see {@link ApiSettings}).
 */
@Component
class ApiRateLimits {

    private final Cache<Long, Bucket> buckets = Caffeine.newBuilder().expireAfterAccess(Duration.ofMinutes(10))
            .maximumSize(10_000).build();
    private final int perMinute;

    ApiRateLimits(ApiSettings settings) {
        this.perMinute = settings.callsPerMinute();
    }

    /** Takes one call from the token's bucket: empty if allowed, else the seconds until the next call is. */
    OptionalLong take(long tokenId) {
        ConsumptionProbe probe = buckets.get(tokenId, id -> Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(perMinute).refillGreedy(perMinute, Duration.ofMinutes(1))
                        .build()).build()).tryConsumeAndReturnRemaining(1);
        if (probe.isConsumed()) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(Math.max(1, (probe.getNanosToWaitForRefill() + 999_999_999L) / 1_000_000_000L));
    }
}
