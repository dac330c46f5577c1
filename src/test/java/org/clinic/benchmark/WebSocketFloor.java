package org.clinic.benchmark;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The raw WebSocket floor of a run: a ping on every open push connection at once, answered by Tomcat without
 * Vaadin ({@link SyntheticScreenFleet#floor()}), on the very connections the scenario measures. The floor a latency
 * is compared with is the median of the tries' "last pong" (how long the socket layer alone needs to reach every
 * open screen); every latency figure is also given as a multiple of it ("= 4.2× floor").
 */
final class WebSocketFloor {

    private final List<Long> trips = new ArrayList<>();
    private final List<Long> lastMicros = new ArrayList<>();

    /** Adds {@code tries} readings, a quarter of a second apart. */
    void measure(SyntheticScreenFleet fleet, int tries) throws Exception {
        for (int i = 0; i < tries; i++) {
            SyntheticScreenFleet.Floor floor = fleet.floor();
            Arrays.stream(floor.roundTrips()).forEach(trips::add);
            lastMicros.add(floor.lastMicros());
            ServerProbe.sleep(250);
        }
    }

    /** The floor in milliseconds: the median of the tries' last pong (at least 0.1 ms, to divide by). */
    double millis() {
        if (lastMicros.isEmpty()) {
            return Double.NaN;
        }
        long[] sorted = lastMicros.stream().mapToLong(Long::longValue).sorted().toArray();
        return Math.max(0.1, sorted[(sorted.length - 1) / 2] / 1_000.0);
    }

    /** "floor, same run: …" with p50/p99 of the round trips and every try's last pong. */
    String describe(int connections) {
        long[] sorted = trips.stream().mapToLong(Long::longValue).sorted().toArray();
        return "floor, same run: a WebSocket ping on all " + connections + " open push connections at once (Tomcat "
                + "answers, no Vaadin), " + lastMicros.size() + " tries: round trip " + (sorted.length == 0 ? "none"
                : String.format("p50 %.1f ms, p99 %.1f ms", BenchmarkRecord.percentileMillis(sorted, 50),
                BenchmarkRecord.percentileMillis(sorted, 99))) + "; last pong after "
                + lastMicros.stream().map(m -> String.format("%.1f", m / 1_000.0)).toList() + " ms; floor (median "
                + "last pong) " + String.format("%.1f ms", millis());
    }

    /** p50/p95/p99/max of these latencies (ns), each with its ratio to the floor. */
    String latencies(List<Long> nanos) {
        if (nanos.isEmpty()) {
            return "no deliveries";
        }
        long[] sorted = nanos.stream().mapToLong(Long::longValue).sorted().toArray();
        StringBuilder text = new StringBuilder();
        for (double p : new double[]{50, 95, 99}) {
            text.append(String.format("p%.0f %s, ", p, withRatio(BenchmarkRecord.percentileMillis(sorted, p))));
        }
        return text.append("max ").append(withRatio(sorted[sorted.length - 1] / 1_000_000.0)).append(" (n=")
                .append(sorted.length).append(')').toString();
    }

    String withRatio(double latencyMillis) {
        return String.format("%.0f ms (= %.1f× floor)", latencyMillis, latencyMillis / millis());
    }
}
