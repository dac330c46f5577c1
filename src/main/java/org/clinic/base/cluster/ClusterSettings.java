package org.clinic.base.cluster;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;
import java.util.UUID;

/**
 * How this node takes part in a group of nodes.
 *
 * @param redisUrl          the Redis server the nodes share ({@code redis://host:6379}); unset: one node, no Redis
 * @param reconcileInterval how often a node whose bus is down re-reads everything from the database, and how often
 *                          it checks the bus
 * @param channel           the pub/sub channel the nodes of one clinic share
 * @param nodeId            this node's name in messages and health; a random one when unset
 */
@ConfigurationProperties("clinic.cluster")
public record ClusterSettings(@Nullable String redisUrl, Duration reconcileInterval, String channel, String nodeId) {

    public ClusterSettings {
        if (reconcileInterval == null || reconcileInterval.isNegative() || reconcileInterval.isZero()) {
            reconcileInterval = Duration.ofSeconds(2);
        }
        if (channel == null || channel.isBlank()) {
            channel = "clinic:live";
        }
        if (nodeId == null || nodeId.isBlank()) {
            nodeId = UUID.randomUUID().toString().substring(0, 8);
        }
    }

    public boolean enabled() {
        return redisUrl != null && !redisUrl.isBlank();
    }

    /** The interval as people read it: "2 s", "500 ms". */
    String every() {
        long millis = reconcileInterval.toMillis();
        return millis % 1000 == 0 ? millis / 1000 + " s" : millis + " ms";
    }
}
