package org.clinic.benchmark;

import java.util.ArrayList;
import java.util.TreeMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;

import static org.clinic.benchmark.ServerProbe.sleep;

/**
 * Measured rounds on open screens: each round a patient walks into the line (committed; measured: commit → the new
 * token on each screen), the benchmark waits until every open screen has it (or a minute passed) and the fan-out is
 * idle, then the head of the line is called, started and finished (not measured), the fan-out goes idle again and
 * {@link #GAP_MILLIS} pass, so each round starts from an idle fan-out and clinic.live.min-refresh-interval (250 ms)
 * never merges two rounds. CPU is counted from before the walk-in until its fan-out is idle.
 */
final class DeliveryRounds {

    static final long GAP_MILLIS = 600;
    static final long DELIVERY_TIMEOUT_MILLIS = 60_000;

    /** What the rounds saw; latencies in nanoseconds. */
    record Result(List<Long> latencies, Map<String, List<Long>> byKind, List<Long> lastScreen, List<Long> spread,
                  long missed, long delivered, int roundsDone, long millis) {
    }

    private DeliveryRounds() {
    }

    /**
     * @param opened how many of the fleet's screens opened (the others are reported by the scenario, not as misses)
     * @param kind what kind of screen each is ("display", "queue", …), for a per-kind breakdown
     */
    static Result run(DeliveryRun run, SyntheticScreenFleet fleet, int opened, QueueLine line, int rounds,
                      FanOutSampler sampler, CpuMeter cpu, IntFunction<String> kind) {
        int screens = fleet.size();
        List<Long> latencies = new ArrayList<>();
        Map<String, List<Long>> byKind = new TreeMap<>();
        List<Long> lastScreen = new ArrayList<>();
        List<Long> spreads = new ArrayList<>();
        long missed = 0;
        long delivered = 0;
        int done = 0;
        long start = System.nanoTime();
        for (int round = 0; round < rounds; round++) {
            String[] token = new String[1];
            long[] committed = new long[1];
            cpu.measure(() -> {
                token[0] = line.walkIn();
                committed[0] = run.commits.lastMicros.get();
                long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(DELIVERY_TIMEOUT_MILLIS);
                while (fleet.seen(token[0]) < opened && System.nanoTime() < deadline) {
                    sleep(2);
                }
                sampler.awaitIdle(TimeUnit.MINUTES.toMillis(2));
            });
            long first = Long.MAX_VALUE;
            long last = 0;
            long roundMissed = -(screens - opened); // screens that never opened are reported separately
            for (int screen = 0; screen < screens; screen++) {
                Long arrived = fleet.arrival(screen, token[0]);
                if (arrived == null) {
                    roundMissed++;
                    continue;
                }
                long latency = (arrived - committed[0]) * 1_000L;
                latencies.add(latency);
                byKind.computeIfAbsent(kind.apply(screen), k -> new ArrayList<>()).add(latency);
                first = Math.min(first, arrived);
                last = Math.max(last, arrived);
                delivered++;
            }
            if (last > 0) {
                lastScreen.add((last - committed[0]) * 1_000L);
                spreads.add((last - first) * 1_000L);
            }
            missed += roundMissed;
            line.serveHead();
            sampler.awaitIdle(TimeUnit.MINUTES.toMillis(2));
            sleep(GAP_MILLIS);
            done = round + 1;
            if (roundMissed > opened / 2) {
                break; // more than half the screens missed this round: more rounds would only say the same
            }
        }
        return new Result(latencies, byKind, lastScreen, spreads, missed, delivered, done,
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
    }
}
