package org.clinic.benchmark;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.clinic.benchmark.ServerProbe.sleep;
import static org.clinic.benchmark.ServerProbe.usedHeapAfterGc;

/**
 * What one open screen costs the server's heap, for each kind on its own: used heap after GC before and after
 * opening N of one kind (server JVM only; every session ended before each kind, so the difference is theirs).
 * Waiting-room displays (a third each of a doctor, the specialty, the clinic) and reception dashboards
 * ({@code queue}, the heaviest staff screen: every doctor's line side by side).
 */
final class HeapScenario implements DeliveryScenario {

    private static final int WAITING = 8;

    private final int screens;

    HeapScenario(int screens) {
        this.screens = screens;
    }

    @Override
    public String name() {
        return "heap";
    }

    @Override
    public String title() {
        return "heap per screen";
    }

    @Override
    public Outcome run(DeliveryRun run) throws Exception {
        QueueLine line = run.line(WAITING, 1);
        List<String> lines = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        lines.add("scenario: " + screens + " screens of one kind opened on an idle server (every earlier session "
                + "ended first), then " + screens + " more beside them, one doctor's line with " + WAITING
                + " waiting; used heap after GC (4× System.gc) idle and 6 s after each lot is open (past the 5 s "
                + "keep-alive); server JVM only");
        try {
            String kinds = System.getProperty("benchmark.heap.kinds", "displays,dashboards");
            if (kinds.contains("displays")) {
                lines.add(measure(run, "waiting-room display", new ScreenMix(run, line, screens, 0, 0), failures,
                        "≤ 100 KB"));
            }
            if (kinds.contains("dashboards")) {
                lines.add(measure(run, "reception dashboard (`queue`)", new ScreenMix(run, line, 0, screens, 0),
                        failures, "≤ 256 KB"));
            }
        } finally {
            line.leave();
        }
        return new Outcome(lines, failures);
    }

    /**
     * Opens N screens, then N more beside them. The first N also pay for what the server keeps once it has served
     * many at once (Tomcat's pooled request processors, each with its buffers; caches filling); the second N cost
     * only what each screen holds, which is what the next thousand displays would cost.
     */
    private String measure(DeliveryRun run, String kind, ScreenMix mix, List<String> failures, String target)
            throws Exception {
        run.expireSessions();
        long before = usedHeapAfterGc();
        try (SyntheticScreenFleet first = open(run, mix, kind, "delivery-heap", failures)) {
            long firstOpen = usedHeapAfterGc();
            java.util.Map<String, Long> classesBefore = ServerProbe.classHistogram();
            try (SyntheticScreenFleet second = open(run, mix, kind, "delivery-heap-more", failures)) {
                long bothOpen = usedHeapAfterGc();
                String grown = ServerProbe.grownPerScreen(classesBefore, ServerProbe.classHistogram(), screens, 12);
                second.quit();
                first.quit();
                return String.format("%s: %.0f KB per screen for the next %d (target %s), %.0f KB each for the first "
                                + "%d; used heap after GC %d MB idle → %d MB → %d MB; per screen of the next %d, "
                                + "the classes that grew most: %s", kind,
                        (bothOpen - firstOpen) / 1024.0 / screens, screens, target,
                        (firstOpen - before) / 1024.0 / screens, screens, before >> 20, firstOpen >> 20,
                        bothOpen >> 20, screens, grown);
            }
        } finally {
            run.expireSessions();
        }
    }

    private SyntheticScreenFleet open(DeliveryRun run, ScreenMix mix, String kind, String log, List<String> failures)
            throws Exception {
        SyntheticScreenFleet fleet = SyntheticScreenFleet.start(run.port, mix.screens(), "\"(-never-)\"", log,
                DeliveryRun.PASSWORD, 30, null);
        SyntheticScreenFleet.Ready ready = fleet.awaitReady(Duration.ofMinutes(20));
        if (ready.opened() < mix.screens().size()) {
            failures.add("heap: " + ready.opened() + " of " + mix.screens().size() + " " + kind + "s opened (first "
                    + "error: " + ready.firstError() + ")");
        }
        sleep(6_000); // past the keep-alive timeout: what stays is what an open screen holds
        return fleet;
    }
}
