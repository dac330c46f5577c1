package org.clinic.benchmark;

import org.clinic.testing.SecondNode;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.clinic.benchmark.ServerProbe.sleep;
import static org.clinic.benchmark.ServerProbe.usedHeapAfterGc;

/**
 * Many synthetic screens on one doctor's line, measured in {@link DeliveryRounds}: commit → each screen and commit →
 * the last screen of each round, with the floor of the same connections, the server's heap per screen, where the
 * fan-out threads spent the rounds and (where asked) the server's CPU per delivered update. Three sizes:
 * {@code staff500} (receptionists' {@code my-queue} screens), {@code mixed} (displays plus staff screens) and
 * {@code displays5000}.
 */
final class FanOutScenario implements DeliveryScenario {

    /** People already waiting when the screens open; each round adds one and serves one, so the line keeps this. */
    private static final int WAITING = 8;

    private final String name;
    private final String title;
    private final int displays;
    private final int dashboards;
    private final int doctorQueues;
    private final int rounds;
    private final boolean cpu;
    private final boolean noMisses;
    private final String target;
    private final boolean onSecondNode;

    private FanOutScenario(String name, String title, int displays, int dashboards, int doctorQueues, int rounds,
                           boolean cpu, boolean noMisses, String target) {
        this(name, title, displays, dashboards, doctorQueues, rounds, cpu, noMisses, target, false);
    }

    private FanOutScenario(String name, String title, int displays, int dashboards, int doctorQueues, int rounds,
                           boolean cpu, boolean noMisses, String target, boolean onSecondNode) {
        this.onSecondNode = onSecondNode;
        this.name = name;
        this.title = title;
        this.displays = displays;
        this.dashboards = dashboards;
        this.doctorQueues = doctorQueues;
        this.rounds = Integer.getInteger("benchmark.rounds", rounds);
        this.cpu = cpu;
        this.noMisses = noMisses;
        this.target = target;
    }

    static FanOutScenario staff(int screens) {
        return new FanOutScenario("staff500", "staff screens", 0, 0, screens, 10, false, false,
                "target: commit → last screen p99 ≤ 100 ms with 500 staff screens");
    }

    static FanOutScenario mixed(int displays, int staff) {
        return new FanOutScenario("mixed", "displays and staff screens", displays, staff / 2, staff - staff / 2, 10,
                true, true, "target: 1 000 displays + 50 staff screens: commit → every screen p99 ≤ 250 ms, 0 missed; "
                + "server CPU per delivered update ≤ 100 µs");
    }

    static FanOutScenario displays(int screens) {
        return new FanOutScenario("displays5000", "waiting-room displays at scale", screens, 0, 0, 5, true, true,
                "target: 5 000 displays: p99 ≤ 1 s, 0 missed; server CPU per delivered update ≤ 100 µs");
    }

    /**
     * Two nodes: the screens on node B (a second application in this JVM, same database), the changes committed on
     * this node, A; B hears of them through Redis. Both nodes share the JVM, so no heap or CPU figure.
     */
    static FanOutScenario crossNode(int displays) {
        return new FanOutScenario("crossNode", "two nodes, displays on node B, changes on node A", displays, 0, 0, 10,
                false, true, "target: cross-node delivery recorded (commit on A → screen on B, through Redis), "
                + "0 missed", true);
    }

    @Override
    public boolean byDefault() {
        return !onSecondNode;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public List<String> properties() {
        return name.equals("mixed") ? List.of("benchmark.mixed.displays", "benchmark.mixed.staff", "benchmark.rounds")
                : List.of("benchmark." + name + ".screens", "benchmark.rounds");
    }

    @Override
    public String title() {
        return title;
    }

    @Override
    public Outcome run(DeliveryRun run) throws Exception {
        QueueLine line = run.line(WAITING, rounds + 1);
        ScreenMix mix = new ScreenMix(run, line, displays, dashboards, doctorQueues);
        int screens = mix.screens().size();
        List<String> lines = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        lines.add("scenario: " + mix.description() + "; each round a walk-in joins one doctor's line (" + WAITING
                + " waiting) through QueueService (measured: commit → the new token on each screen), then the head of "
                + "the line is called, started and finished (not measured), the fan-out goes idle and "
                + DeliveryRounds.GAP_MILLIS + " ms pass");
        run.expireSessions();
        long heapBefore = usedHeapAfterGc();
        LogCounter.Counts logBefore = run.log.counts();
        if (onSecondNode && DeliveryBenchmark.bus == null) {
            return new Outcome(List.of("skipped: run with -Dbenchmark.scenarios=crossNode (node A needs the bus)"),
                    List.of());
        }
        try (SecondNode nodeB = onSecondNode ? SecondNode.start(Map.of("clinic.cluster.redis-url",
                DeliveryBenchmark.bus.url(), "clinic.cluster.node-id", "node-b")) : null;
             SyntheticScreenFleet fleet = SyntheticScreenFleet.start(nodeB == null ? run.port : nodeB.port(),
                     mix.screens(), line.markers(), "delivery-" + name, DeliveryRun.PASSWORD, 60, null)) {
            SyntheticScreenFleet.Ready ready = fleet.awaitReady(Duration.ofMinutes(30));
            int opened = ready.opened();
            if (opened < screens) {
                failures.add(name + ": " + opened + " of " + screens + " screens opened (first error: "
                        + ready.firstError() + "; see target/delivery-" + name + ".log)");
            }
            sleep(2_000);
            long heapAfter = usedHeapAfterGc();
            WebSocketFloor floor = new WebSocketFloor();
            floor.measure(fleet, 3);

            FanOutSampler sampler = new FanOutSampler();
            CpuMeter meter = new CpuMeter(fleet.reader(), sampler.thread());
            DeliveryRounds.Result r = DeliveryRounds.run(run, fleet, opened, line, rounds, sampler, meter, mix::kind);
            String where = sampler.stop();
            floor.measure(fleet, 2);
            String perUpdate = cpu ? meter.perDelivery(r.delivered()) : null;
            String[] s = fleet.quit();

            lines.add(String.format("%,d", screens) + " synthetic screens (" + opened + " opened" + (opened < screens
                    ? ", " + (screens - opened) + " failed: " + ready.firstError() : "") + "; signed in and opened in "
                    + ready.millis() / 1000 + " s), " + rounds + " rounds" + (r.roundsDone() < rounds ? " (stopped "
                    + "after " + r.roundsDone() + ": most screens missed)" : "") + ": commit → screen "
                    + floor.latencies(r.latencies()) + ", missed " + r.missed() + " of " + (r.missed() + r.delivered())
                    + " (" + r.millis() / 1000 + " s for the rounds)");
            lines.add("  - commit → the last screen of each round: " + floor.latencies(r.lastScreen())
                    + "; first → last screen within a round: " + BenchmarkRecord.latencies(r.spread()));
            if (r.byKind().size() > 1) {
                for (Map.Entry<String, List<Long>> kind : r.byKind().entrySet()) {
                    lines.add("  - " + kind.getKey() + ": " + floor.latencies(kind.getValue()));
                }
            }
            lines.add("  - " + floor.describe(opened));
            if (perUpdate != null) {
                lines.add("  - server CPU per delivered update: " + perUpdate);
            }
            if (!onSecondNode) {
                lines.add("  - heap per connected screen: " + String.format("%.0f KB", (heapAfter - heapBefore)
                        / 1024.0 / Math.max(1, opened)) + " (used heap after GC " + heapBefore / (1024 * 1024)
                        + " MB before → " + heapAfter / (1024 * 1024) + " MB with the screens open; server JVM only)");
            }
            lines.add("  - where the fan-out threads spent the rounds: " + where);
            long pushes = SyntheticScreenFleet.value(s, "pushes");
            long chars = SyntheticScreenFleet.value(s, "pushedChars");
            lines.add("  - pushed: " + pushes + " UIDL messages, " + (pushes == 0 ? 0 : chars / pushes)
                    + " characters each on average; client side: " + String.join(" ", Arrays.copyOfRange(s, 1,
                    s.length)) + "; " + run.log.counts().since(logBefore));
            if (noMisses && r.missed() > 0) {
                failures.add(name + ": " + r.missed() + " updates missed");
            }
        } finally {
            run.expireSessions();
            line.leave();
        }
        lines.add(target);
        return new Outcome(lines, failures);
    }
}
