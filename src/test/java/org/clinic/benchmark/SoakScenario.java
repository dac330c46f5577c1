package org.clinic.benchmark;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLongArray;

import static org.clinic.benchmark.ServerProbe.sleep;
import static org.clinic.benchmark.ServerProbe.usedHeapAfterGc;

/**
 * A long run with many screens open (mostly displays, a twentieth staff screens) and the queue changing every
 * {@link #STEP_MILLIS}: a walk-in, a call (announced on the displays), the called patient started and finished, in
 * turn. Every walk-in's token must reach every open screen (missed: not within {@link #SETTLE_MILLIS}). Once a
 * minute: used heap after GC (the series and its slope), the screens' errors and disconnects, the server log's WARN
 * and ERROR count. Keeps nothing that grows with time in the server's JVM (arrivals are counted, latencies go into
 * a fixed histogram), so the heap series is the server's. Stops by itself after the given minutes.
 */
final class SoakScenario implements DeliveryScenario {

    private static final long STEP_MILLIS = 2_000;
    private static final long SETTLE_MILLIS = 30_000;
    private static final int WAITING = 8;
    private static final int HISTOGRAM_MILLIS = 60_000;

    private final int screens;
    private final int minutes;

    SoakScenario(int screens, int minutes) {
        this.screens = screens;
        this.minutes = minutes;
    }

    @Override
    public String name() {
        return "soak";
    }

    @Override
    public String title() {
        return "soak";
    }

    @Override
    public List<String> properties() {
        return List.of("benchmark.soak.screens", "benchmark.soak.minutes");
    }

    @Override
    public boolean byDefault() {
        return false;
    }

    /**
     * A token the screens report: how many have it, and when it committed (0 until the benchmark knows: a screen's
     * report can come in before the walk-in's call has returned; those wait in {@code early}).
     */
    private static final class Tally {
        final AtomicInteger seen = new AtomicInteger();
        private final List<Long> early = new ArrayList<>();
        private long committedMicros;

        synchronized void arrived(long micros, AtomicLongArray histogram) {
            seen.incrementAndGet();
            if (committedMicros == 0) {
                early.add(micros);
            } else {
                record(micros, histogram);
            }
        }

        synchronized void committed(long micros, AtomicLongArray histogram) {
            committedMicros = micros;
            early.forEach(m -> record(m, histogram));
            early.clear();
        }

        synchronized long committedMicros() {
            return committedMicros;
        }

        private void record(long micros, AtomicLongArray histogram) {
            long millis = Math.max(0, (micros - committedMicros) / 1_000);
            histogram.incrementAndGet((int) Math.min(millis, HISTOGRAM_MILLIS));
        }
    }

    @Override
    public Outcome run(DeliveryRun run) throws Exception {
        int walkIns = (int) (TimeUnit.MINUTES.toMillis(minutes) / STEP_MILLIS / 3) + 2;
        QueueLine line = run.line(WAITING, walkIns);
        int staff = Math.max(2, screens / 20);
        ScreenMix mix = new ScreenMix(run, line, screens - staff, staff / 2, staff - staff / 2);
        // Tallies of tokens settled are removed: what stays are the tokens waiting before the soak began.
        Map<String, Tally> pending = new ConcurrentHashMap<>();
        AtomicLongArray histogram = new AtomicLongArray(HISTOGRAM_MILLIS + 1);
        SyntheticScreenFleet.Arrivals arrivals = (screen, marker, micros) ->
                pending.computeIfAbsent(marker, m -> new Tally()).arrived(micros, histogram);
        List<String> lines = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        lines.add("scenario: " + mix.description() + "; for " + minutes + " min the line changes every "
                + STEP_MILLIS / 1000 + " s (a walk-in, a call, the called patient started and finished, in turn); "
                + "measured: commit → each walk-in's token on every screen, missed if not there within "
                + SETTLE_MILLIS / 1000 + " s; each minute: used heap after GC (server JVM), the screens' errors and "
                + "disconnects, the server log's WARN and ERROR");
        run.expireSessions();
        LogCounter.Counts logBefore = run.log.counts();
        try (SyntheticScreenFleet fleet = SyntheticScreenFleet.start(run.port, mix.screens(), line.markers(),
                "delivery-soak", DeliveryRun.PASSWORD, minutes + 40L, arrivals)) {
            SyntheticScreenFleet.Ready ready = fleet.awaitReady(Duration.ofMinutes(30));
            int opened = ready.opened();
            if (opened < mix.screens().size()) {
                failures.add("soak: " + opened + " of " + mix.screens().size() + " screens opened (first error: "
                        + ready.firstError() + ")");
            }
            sleep(2_000);
            WebSocketFloor floor = new WebSocketFloor();
            floor.measure(fleet, 3);
            List<Long> heap = new ArrayList<>();
            List<Double> at = new ArrayList<>(); // minutes since the first change
            List<String> minutely = new ArrayList<>();
            heap.add(usedHeapAfterGc());
            at.add(0.0);
            long missed = 0;
            long delivered = 0;
            int changes = 0;
            int tokens = 0;
            long start = System.nanoTime();
            long end = start + TimeUnit.MINUTES.toNanos(minutes);
            long nextMinute = start + TimeUnit.MINUTES.toNanos(1);
            List<String> order = new ArrayList<>();
            for (int step = 0; System.nanoTime() < end; step++) {
                switch (step % 3) {
                    case 0 -> {
                        String token = line.walkIn();
                        pending.computeIfAbsent(token, t -> new Tally()).committed(run.commits.lastMicros.get(),
                                histogram);
                        order.add(token);
                        tokens++;
                        changes++;
                    }
                    case 1 -> changes += line.call() ? 1 : 0;
                    default -> {
                        line.serveCalled();
                        changes += 2;
                    }
                }
                // Tokens older than the settle time: whoever has not shown them missed them.
                long now = SyntheticScreen.epochMicros();
                while (!order.isEmpty() && now - pending.get(order.getFirst()).committedMicros()
                        > SETTLE_MILLIS * 1_000) {
                    Tally t = pending.remove(order.removeFirst());
                    delivered += t.seen.get();
                    missed += Math.max(0, opened - t.seen.get());
                }
                if (System.nanoTime() >= nextMinute) {
                    heap.add(usedHeapAfterGc());
                    at.add((System.nanoTime() - start) / 60e9);
                    String[] s = fleet.stats();
                    minutely.add(String.format("min %d: connected %d, errors %d, disconnects %d",
                            heap.size() - 1, SyntheticScreenFleet.value(s, "connected"),
                            SyntheticScreenFleet.value(s, "errors"), SyntheticScreenFleet.value(s, "disconnects")));
                    nextMinute += TimeUnit.MINUTES.toNanos(1);
                }
                long wake = start + (step + 1) * TimeUnit.MILLISECONDS.toNanos(STEP_MILLIS);
                sleep(Math.max(0, TimeUnit.NANOSECONDS.toMillis(wake - System.nanoTime())));
            }
            // The last tokens get their settle time too.
            long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(SETTLE_MILLIS);
            while (System.nanoTime() < deadline && order.stream().anyMatch(t -> pending.get(t).seen.get() < opened)) {
                sleep(100);
            }
            for (String token : order) {
                Tally t = pending.remove(token);
                delivered += t.seen.get();
                missed += Math.max(0, opened - t.seen.get());
            }
            heap.add(usedHeapAfterGc());
            at.add((System.nanoTime() - start) / 60e9);
            floor.measure(fleet, 2);
            String[] s = fleet.quit();

            lines.add(String.format("%,d screens (%d opened in %d s), %d min: %d queue changes, %d walk-ins; commit → "
                            + "screen %s; missed %d of %d", mix.screens().size(), opened, ready.millis() / 1000,
                    minutes, changes, tokens, percentiles(histogram, floor), missed, missed + delivered));
            lines.add("  - used heap after GC, MB, at the start, every minute and at the end: " + heap.stream()
                    .map(b -> Long.toString(b / (1024 * 1024))).toList() + "; slope " + String.format("%+.1f MB/min",
                    slope(at, heap)) + " (least squares over the samples after the start; target: flat)");
            lines.add("  - screens: " + String.join("; ", minutely) + "; at the end: " + String.join(" ",
                    java.util.Arrays.copyOfRange(s, 1, s.length)));
            lines.add("  - " + run.log.counts().since(logBefore) + " (target: 0 errors)");
            lines.add("  - " + floor.describe(opened));
            if (missed > 0) {
                failures.add("soak: " + missed + " updates missed");
            }
        } finally {
            run.expireSessions();
            line.leave();
        }
        lines.add("target: 2 000 screens for 10 minutes: heap flat, 0 errors, 0 missed");
        return new Outcome(lines, failures);
    }

    private static String percentiles(AtomicLongArray histogram, WebSocketFloor floor) {
        long total = 0;
        for (int i = 0; i < histogram.length(); i++) {
            total += histogram.get(i);
        }
        if (total == 0) {
            return "no deliveries";
        }
        StringBuilder text = new StringBuilder();
        for (double p : new double[]{50, 95, 99, 100}) {
            long rank = (long) Math.ceil(p / 100 * total);
            long count = 0;
            for (int i = 0; i < histogram.length(); i++) {
                count += histogram.get(i);
                if (count >= rank) {
                    text.append(p == 100 ? "max " : String.format("p%.0f ", p)).append(i == HISTOGRAM_MILLIS ? "≥ " : "")
                            .append(floor.withRatio(i)).append(p == 100 ? "" : ", ");
                    break;
                }
            }
        }
        return text.append(" (n=").append(total).append(')').toString();
    }

    /** MB per minute, least squares over the samples after the first (taken before the first change). */
    private static double slope(List<Double> minutes, List<Long> heap) {
        int n = heap.size() - 1;
        if (n < 2) {
            return Double.NaN;
        }
        double meanX = 0;
        double meanY = 0;
        for (int i = 1; i <= n; i++) {
            meanX += minutes.get(i);
            meanY += heap.get(i) / (1024.0 * 1024);
        }
        meanX /= n;
        meanY /= n;
        double num = 0;
        double den = 0;
        for (int i = 1; i <= n; i++) {
            double x = minutes.get(i) - meanX;
            num += x * (heap.get(i) / (1024.0 * 1024) - meanY);
            den += x * x;
        }
        return num / den;
    }
}
