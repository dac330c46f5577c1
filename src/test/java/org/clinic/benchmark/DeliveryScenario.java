package org.clinic.benchmark;

import java.util.ArrayList;
import java.util.List;

/**
 * One scenario of {@link DeliveryBenchmark}, chosen by name with {@code -Dbenchmark.scenarios=a,b}. A scenario
 * prepares what it needs through the {@link DeliveryRun} (doctors, accounts, lines), opens its screens, measures,
 * closes them, and says what it saw: the lines of its record, and failures where it demands something (screens
 * opened, 0 missed). Timings are never failures.
 * <p>
 * A new scenario is one more class (or sizing of one) and one more entry in {@link #all()}.
 */
interface DeliveryScenario {

    /** What a scenario saw. */
    record Outcome(List<String> lines, List<String> failures) {
        public Outcome {
            lines = new ArrayList<>(lines);
            failures = new ArrayList<>(failures);
        }
    }

    /** The name the scenarios property uses. */
    String name();

    /** The record's heading. */
    String title();

    /** The system properties that size it (named in the record's command when given). */
    default List<String> properties() {
        return List.of("benchmark." + name() + ".screens");
    }

    /** Whether a run without {@code benchmark.scenarios} includes it (all but the soak). */
    default boolean byDefault() {
        return true;
    }

    Outcome run(DeliveryRun run) throws Exception;

    /** Every scenario, in the order a default run takes them. */
    static List<DeliveryScenario> all() {
        return List.of(
                new BrowserScenario(),
                FanOutScenario.staff(Integer.getInteger("benchmark.staff500.screens", 500)),
                FanOutScenario.mixed(Integer.getInteger("benchmark.mixed.displays", 1_000),
                        Integer.getInteger("benchmark.mixed.staff", 50)),
                FanOutScenario.displays(Integer.getInteger("benchmark.displays5000.screens", 5_000)),
                new HeapScenario(Integer.getInteger("benchmark.heap.screens", 500)),
                new SoakScenario(Integer.getInteger("benchmark.soak.screens", 2_000),
                        Integer.getInteger("benchmark.soak.minutes", 10)),
                FanOutScenario.crossNode(Integer.getInteger("benchmark.crossNode.screens", 500)));
    }
}
