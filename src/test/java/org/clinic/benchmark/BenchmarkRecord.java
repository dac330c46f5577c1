package org.clinic.benchmark;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;

/** Appends a benchmark's figures to docs/benchmarks.md with date, commit, JDK and machine. */
final class BenchmarkRecord {

    private BenchmarkRecord() {
    }

    static void append(String title, String command, List<String> lines) {
        String record = System.getProperty("benchmark.record", "docs/benchmarks.md");
        StringBuilder text = new StringBuilder()
                .append("\n### ").append(title).append(" — ")
                .append(ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")))
                .append("\n\n")
                .append("- command: `").append(command).append("`\n")
                .append("- commit: `").append(commit()).append("`\n")
                .append("- JDK: ").append(System.getProperty("java.vm.name")).append(' ')
                .append(System.getProperty("java.version")).append(", heap ")
                .append(Runtime.getRuntime().maxMemory() / (1024 * 1024)).append(" MB\n")
                .append("- machine: ").append(machine()).append("\n");
        lines.forEach(line -> text.append("- ").append(line).append('\n'));
        try {
            Files.writeString(Path.of(record), text.toString(), StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new IllegalStateException("Could not write " + record, e);
        }
        System.out.println(text);
    }

    /** Percentile of sorted nanosecond samples, in milliseconds. */
    static double percentileMillis(long[] sortedNanos, double percentile) {
        int index = (int) Math.ceil(percentile / 100.0 * sortedNanos.length) - 1;
        return sortedNanos[Math.max(0, Math.min(index, sortedNanos.length - 1))] / 1_000_000.0;
    }

    /** Latencies (nanoseconds) as p50/p95/p99/max in whole milliseconds, with their count. */
    static String latencies(List<Long> nanos) {
        if (nanos.isEmpty()) {
            return "no deliveries";
        }
        long[] sorted = nanos.stream().mapToLong(Long::longValue).sorted().toArray();
        return String.format("p50 %.0f ms, p95 %.0f ms, p99 %.0f ms, max %.0f ms (n=%d)",
                percentileMillis(sorted, 50), percentileMillis(sorted, 95), percentileMillis(sorted, 99),
                sorted[sorted.length - 1] / 1_000_000.0, sorted.length);
    }

    static String summary(long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return String.format("p50 %.3f ms, p90 %.3f ms, p99 %.3f ms, max %.3f ms (n=%d)",
                percentileMillis(sorted, 50), percentileMillis(sorted, 90), percentileMillis(sorted, 99),
                sorted[sorted.length - 1] / 1_000_000.0, sorted.length);
    }

    private static String commit() {
        try {
            Process git = new ProcessBuilder("git", "rev-parse", "--short", "HEAD").redirectErrorStream(true).start();
            String out = new String(git.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            String dirty = new String(new ProcessBuilder("git", "status", "--porcelain", "--untracked-files=no", "--", ".",
                    ":(exclude)docs/benchmarks.md")
                    .start().getInputStream().readAllBytes(), StandardCharsets.UTF_8).isBlank() ? "" : " (with local changes)";
            return out + dirty;
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static String machine() {
        String cpu = "unknown CPU";
        try {
            cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                    .findFirst().map(l -> l.substring(l.indexOf(':') + 1).strip()).orElse(cpu);
        } catch (IOException ignored) {
            // not Linux
        }
        var os = ManagementFactory.getOperatingSystemMXBean();
        long memory = os instanceof com.sun.management.OperatingSystemMXBean sun
                ? sun.getTotalMemorySize() / (1024L * 1024 * 1024) : -1;
        return os.getAvailableProcessors() + " cores (" + cpu + "), " + memory + " GiB, " + os.getName() + " "
                + os.getArch();
    }
}
