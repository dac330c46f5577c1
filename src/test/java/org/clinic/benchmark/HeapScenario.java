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
                + "ended first), one doctor's line with " + WAITING + " waiting; used heap after GC (4× System.gc) "
                + "before and 2 s after they are all open; server JVM only");
        try {
            lines.add(measure(run, "waiting-room display", new ScreenMix(run, line, screens, 0, 0), failures,
                    "≤ 100 KB"));
            lines.add(measure(run, "reception dashboard (`queue`)", new ScreenMix(run, line, 0, screens, 0), failures,
                    "≤ 256 KB"));
        } finally {
            line.leave();
        }
        return new Outcome(lines, failures);
    }

    private String measure(DeliveryRun run, String kind, ScreenMix mix, List<String> failures, String target)
            throws Exception {
        run.expireSessions();
        long before = usedHeapAfterGc();
        try (SyntheticScreenFleet fleet = SyntheticScreenFleet.start(run.port, mix.screens(), "\"(-never-)\"",
                "delivery-heap", DeliveryRun.PASSWORD, 30, null)) {
            SyntheticScreenFleet.Ready ready = fleet.awaitReady(Duration.ofMinutes(20));
            int opened = ready.opened();
            if (opened < mix.screens().size()) {
                failures.add("heap: " + opened + " of " + mix.screens().size() + " " + kind + "s opened (first error: "
                        + ready.firstError() + ")");
            }
            sleep(2_000);
            long after = usedHeapAfterGc();
            fleet.quit();
            return String.format("%s: %.0f KB per screen (target %s; %d opened in %d s; used heap after GC %d MB "
                            + "before → %d MB with them open)", kind, (after - before) / 1024.0 / Math.max(1, opened),
                    target, opened, ready.millis() / 1000, before / (1024 * 1024), after / (1024 * 1024));
        } finally {
            run.expireSessions();
        }
    }
}
