package org.clinic.base.cluster;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * {@code liveBus} in /actuator/health: "single node" without Redis; with Redis, UP while events travel between
 * nodes, DOWN while this node reconciles with the database instead. Details (node, since when) for administrators.
 */
@Component("liveBusHealthIndicator") // shown as "liveBus"
class LiveBusHealth implements HealthIndicator {

    private final ObjectProvider<LiveBus> bus;

    LiveBusHealth(ObjectProvider<LiveBus> bus) {
        this.bus = bus;
    }

    @Override
    public Health health() {
        LiveBus live = bus.getIfAvailable();
        if (live == null) {
            return Health.up().withDetail("mode", "single node").build();
        }
        ClusterSettings settings = live.settings();
        return switch (live.state()) {
            case UP -> Health.up().withDetail("mode", "several nodes").withDetail("node", settings.nodeId())
                    .withDetail("otherNodes", live.peers()).build();
            case STARTING -> Health.unknown().withDetail("mode", "several nodes")
                    .withDetail("node", settings.nodeId()).withDetail("bus", "connecting").build();
            case DOWN -> Health.down().withDetail("mode", "several nodes").withDetail("node", settings.nodeId())
                    .withDetail("bus", "down since " + live.downSince())
                    .withDetail("reconciling", "re-reading from the database every " + settings.every()).build();
        };
    }
}
