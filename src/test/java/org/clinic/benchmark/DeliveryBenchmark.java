package org.clinic.benchmark;

import org.clinic.doctor.DoctorService;
import org.clinic.patient.PatientService;
import org.clinic.queue.QueueService;
import org.clinic.security.StaffAccountService;
import org.clinic.testing.RedisServer;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Live-update delivery: from a committed queue change (a walk-in through the real {@link QueueService}) to the
 * update arriving on every screen that shows it, in scenarios. Synthetic screens ({@link SyntheticScreen}: HTTP +
 * push WebSocket, in a JVM of their own so the server's heap and CPU are measured without them) and a few real
 * Chromium pages. Commit time is taken in an after-commit listener; arrival when the first message carrying the new
 * token is complete on the screen; same machine, same wall clock. Every latency is also given as a multiple of the
 * raw WebSocket floor measured in the same scenario on the same connections ({@link WebSocketFloor}).
 * <p>
 * Run with {@code ./mvnw -Pbenchmark verify -Dtest=DeliveryBenchmark}; every scenario but the soak runs at full size.
 * Properties (all optional):
 * <ul>
 * <li>{@code benchmark.scenarios}: which, in this order, comma-separated: {@code browsers} (3 real browsers on a
 * doctor's queue), {@code staff500} (receptionists' {@code my-queue} screens), {@code mixed} (waiting-room displays
 * plus reception dashboards and doctors' queue screens; CPU per update), {@code displays5000} (displays only; CPU
 * per update), {@code heap} (heap per display and per reception dashboard), {@code soak}, {@code crossNode} (displays on
 * a second node, changes on this one, through a real redis-server this run starts); default all but soak and
 * crossNode;</li>
 * <li>sizes: {@code benchmark.staff500.screens} (500), {@code benchmark.mixed.displays} (1000),
 * {@code benchmark.mixed.staff} (50, half {@code queue}, half {@code my-queue}), {@code benchmark.displays5000.screens}
 * (5000), {@code benchmark.heap.screens} (500 of each kind; {@code benchmark.heap.kinds=displays,dashboards}),
 * {@code benchmark.soak.screens} (2000, a twentieth staff screens), {@code benchmark.soak.minutes} (10),
 * {@code benchmark.crossNode.screens} (500);</li>
 * <li>{@code benchmark.rounds}: measured rounds per scenario (default 10; 5 for displays5000);</li>
 * <li>{@code benchmark.screens.heap}: heap of the screens' JVM (default 1 GB up to 2 000 screens, then ~300 KB more
 * per screen);</li>
 * <li>{@code benchmark.record}: the file the results are appended to (the benchmark profile sets
 * docs/benchmarks.md; {@code -Dbenchmark.record=target/bench-scratch.md} while trying things).</li>
 * </ul>
 * Nothing is asserted about timings: a scenario fails only where it demands that its screens opened or that no update
 * was missed (mixed, displays5000, soak), after every selected scenario has run and been recorded.
 */
// Tests run Vaadin in development mode; its component tracker (for Copilot: a stack trace captured and put into one
// global synchronized map for every component created or attached) is off in production and is switched off here,
// or it dominates the figures: each refresh of the queue creates dozens of components.
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"clinic.demo.enabled=false", "vaadin.devmode.componentTracker.enabled=false"})
@Import(CommitClock.Configuration.class)
class DeliveryBenchmark {

    private static final String COMMAND = "./mvnw -Pbenchmark verify -Dtest=DeliveryBenchmark";

    @LocalServerPort
    int port;
    @Autowired
    StaffAccountService accounts;
    @Autowired
    DoctorService doctors;
    @Autowired
    PatientService patients;
    @Autowired
    QueueService queue;
    @Autowired
    CommitClock commits;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    WebServerApplicationContext server;

    /** The Redis the crossNode scenario's two nodes share; this context is node A (started only for that scenario). */
    static volatile @Nullable RedisServer bus;

    @DynamicPropertySource
    static void busForTwoNodes(DynamicPropertyRegistry registry) {
        if (System.getProperty("benchmark.scenarios", "").contains("crossNode")) {
            bus = RedisServer.startOrSkip();
            registry.add("clinic.cluster.redis-url", bus::url);
            registry.add("clinic.cluster.node-id", () -> "node-a");
        }
    }

    @AfterAll
    static void stopBus() {
        if (bus != null) {
            bus.close();
        }
    }

    @Test
    void live_update_delivery() throws Exception {
        List<DeliveryScenario> chosen = chosen();
        List<String> failures = new ArrayList<>();
        try (DeliveryRun run = new DeliveryRun(port, accounts, doctors, patients, queue, commits, jdbc, server)) {
            for (DeliveryScenario scenario : chosen) {
                DeliveryScenario.Outcome outcome;
                try {
                    outcome = scenario.run(run);
                } catch (Exception | AssertionError | OutOfMemoryError broken) {
                    outcome = new DeliveryScenario.Outcome(List.of("did not finish: " + broken), List.of(
                            scenario.name() + " did not finish: " + broken));
                }
                List<String> lines = new ArrayList<>(outcome.lines());
                outcome.failures().forEach(f -> lines.add("FAILED: " + f));
                BenchmarkRecord.append("Live update delivery, " + scenario.name() + ": " + scenario.title(),
                        command(scenario), lines);
                failures.addAll(outcome.failures());
            }
        }
        assertThat(failures).as("what the scenarios demand (screens opened, 0 missed)").isEmpty();
    }

    private static List<DeliveryScenario> chosen() {
        String names = System.getProperty("benchmark.scenarios", "");
        List<DeliveryScenario> all = DeliveryScenario.all();
        if (names.isBlank()) {
            return all.stream().filter(DeliveryScenario::byDefault).toList();
        }
        List<DeliveryScenario> chosen = new ArrayList<>();
        for (String name : names.split(",")) {
            chosen.add(all.stream().filter(s -> s.name().equals(name.strip())).findFirst().orElseThrow(
                    () -> new IllegalArgumentException("No delivery scenario " + name.strip() + "; there are "
                            + all.stream().map(DeliveryScenario::name).toList())));
        }
        return chosen;
    }

    /** The command that ran this scenario: with the properties given that concern it (not the record file). */
    private static String command(DeliveryScenario scenario) {
        List<String> own = new ArrayList<>(scenario.properties());
        own.add("benchmark.screens.heap");
        String sizes = new TreeMap<>(System.getProperties()).entrySet().stream()
                .filter(e -> own.contains(e.getKey().toString()))
                .map(e -> " -D" + e.getKey() + "=" + e.getValue()).collect(Collectors.joining());
        return COMMAND + " -Dbenchmark.scenarios=" + scenario.name() + sizes;
    }

}
