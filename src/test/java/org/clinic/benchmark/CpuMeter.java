package org.clinic.benchmark;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.List;

/**
 * CPU time of the server's JVM (the test's: it hosts the server; the screens run in their own JVM), without the
 * benchmark's own measuring threads (the thread reading the screens' reports, the stack sampler), read through
 * OperatingSystemMXBean and ThreadMXBean. Measured over the rounds and over an idle period as long, with the same
 * screens open, so the screens' own polls and heartbeats cancel out.
 */
final class CpuMeter {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private final List<Thread> excluded;
    private long measured;
    private long window;

    CpuMeter(Thread... excluded) {
        this.excluded = List.of(excluded);
    }

    /** CPU nanoseconds so far, the measuring threads left out. */
    long now() {
        long own = 0;
        for (Thread thread : excluded) {
            long t = THREADS.isThreadCpuTimeSupported() ? THREADS.getThreadCpuTime(thread.threadId()) : -1;
            own += Math.max(0, t);
        }
        return ServerProbe.processCpuNanos() - own;
    }

    /** Counts what {@code work} takes, in CPU and wall-clock time, towards the measured total. */
    void measure(Runnable work) {
        long cpu = now();
        long start = System.nanoTime();
        work.run();
        measured += now() - cpu;
        window += System.nanoTime() - start;
    }

    /**
     * Waits as long as the measured windows lasted, doing nothing; returns "CPU per delivered update" text for
     * {@code delivered} updates: (measured − idle) / delivered.
     */
    String perDelivery(long delivered) {
        long cpu = now();
        ServerProbe.sleep(Math.max(1, window / 1_000_000));
        long idle = now() - cpu;
        if (delivered == 0) {
            return "no deliveries";
        }
        return String.format("%.0f µs", (measured - idle) / 1_000.0 / delivered) + String.format(" (server JVM: %.0f ms "
                        + "of CPU over %.1f s of rounds, walk-in commit to idle fan-out, minus %.0f ms over as long idle "
                        + "with the screens open; %,d updates delivered)", measured / 1e6, window / 1e9, idle / 1e6,
                delivered);
    }
}
