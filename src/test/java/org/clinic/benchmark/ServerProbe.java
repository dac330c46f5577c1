package org.clinic.benchmark;

import java.lang.management.ManagementFactory;

/** What a benchmark reads of the server's own JVM (it runs in the test's JVM): heap after GC, CPU time. */
final class ServerProbe {

    private ServerProbe() {
    }

    static long usedHeapAfterGc() {
        for (int i = 0; i < 4; i++) {
            System.gc();
            sleep(300);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    /**
     * The server JVM's live objects by class (a full GC first): bytes per class name. From the same diagnostic
     * command as {@code jcmd <pid> GC.class_histogram}.
     */
    static java.util.Map<String, Long> classHistogram() {
        try {
            javax.management.ObjectName name = new javax.management.ObjectName(
                    "com.sun.management:type=DiagnosticCommand");
            String text = (String) ManagementFactory.getPlatformMBeanServer().invoke(name, "gcClassHistogram",
                    new Object[]{new String[0]}, new String[]{String[].class.getName()});
            java.util.Map<String, Long> bytes = new java.util.HashMap<>();
            for (String line : text.split("\n")) {
                String[] cells = line.strip().split("\\s+");
                if (cells.length >= 4 && cells[0].endsWith(":")) {
                    bytes.merge(cells[3], Long.parseLong(cells[2]), Long::sum);
                }
            }
            return bytes;
        } catch (javax.management.JMException e) {
            return java.util.Map.of();
        }
    }

    /** The classes that grew most between two histograms, as "class: n bytes per screen", largest first. */
    static String grownPerScreen(java.util.Map<String, Long> before, java.util.Map<String, Long> after, int screens,
                                 int top) {
        return after.entrySet().stream()
                .map(e -> java.util.Map.entry(e.getKey(), e.getValue() - before.getOrDefault(e.getKey(), 0L)))
                .filter(e -> e.getValue() > 0)
                .sorted(java.util.Map.Entry.<String, Long>comparingByValue().reversed()).limit(top)
                .map(e -> String.format("%s %,d B", e.getKey().replaceAll("^.*\\.", ""),
                        e.getValue() / Math.max(1, screens)))
                .collect(java.util.stream.Collectors.joining(", "));
    }

    /** CPU time of the whole server JVM so far, all threads (the synthetic screens run in another JVM). */
    static long processCpuNanos() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getProcessCpuTime() : -1;
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
