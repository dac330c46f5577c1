package org.clinic.benchmark;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The benchmark's side of {@link SyntheticScreens}: starts the screens in a JVM of their own (loopback only), waits
 * until they are open, collects when each screen first saw each marker, asks for the WebSocket floor, and stops the
 * process (it also stops by itself after 30 minutes).
 */
final class SyntheticScreenFleet implements AutoCloseable {

    /** What the screens said once they were all open. */
    record Ready(int opened, int failed, long millis, String firstError) {
    }

    /** WebSocket ping round trips on every open push connection at once (nanoseconds, sorted) and the last one. */
    record Floor(long[] roundTrips, long lastMillis) {
    }

    private final int screens;
    private final Process process;
    private final PrintWriter control;
    private final Thread reader;
    private final Map<String, Long> arrivals = new ConcurrentHashMap<>();
    private final CompletableFuture<String> ready = new CompletableFuture<>();
    private final AtomicReference<CompletableFuture<String>> floor = new AtomicReference<>(new CompletableFuture<>());
    private final AtomicReference<String> stats = new AtomicReference<>("STATS none");
    private final CompletableFuture<String> finalStats = new CompletableFuture<>();

    /**
     * @param routes one route for every screen, or one per screen
     * @param markers a pattern whose first group is what a screen reports when it first sees it
     * @param pollMillis the poll interval the page asks the browser for
     * @param users accounts to sign in as in turn (none for a public page)
     */
    static SyntheticScreenFleet start(int port, List<String> routes, String query, String markers, int screens,
                                      long pollMillis, String log, String password, List<String> users)
            throws IOException {
        String route = routes.size() == 1 ? routes.getFirst() : "@" + write(log, routes);
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx1g", "-Xss512k",
                "-Dscreens.pollMillis=" + pollMillis, "-cp", System.getProperty("java.class.path"),
                SyntheticScreens.class.getName(), "http://localhost:" + port, route, query, markers,
                Integer.toString(screens), password));
        command.addAll(users);
        File errors = Path.of("target", log + ".log").toFile();
        return new SyntheticScreenFleet(screens, new ProcessBuilder(command).redirectError(errors).start());
    }

    private static String write(String log, List<String> routes) throws IOException {
        Path file = Path.of("target", log + "-routes.txt").toAbsolutePath();
        Files.write(file, routes, StandardCharsets.UTF_8);
        return file.toString();
    }

    private SyntheticScreenFleet(int screens, Process process) {
        this.screens = screens;
        this.process = process;
        this.control = new PrintWriter(process.getOutputStream(), true, StandardCharsets.UTF_8);
        this.reader = Thread.ofPlatform().daemon().start(this::read);
    }

    private void read() {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            for (String l = in.readLine(); l != null; l = in.readLine()) {
                if (l.startsWith("A ")) {
                    String[] a = l.split(" ", 4);
                    arrivals.putIfAbsent(key(Integer.parseInt(a[1]), a[3]), Long.parseLong(a[2]));
                } else if (l.startsWith("READY ")) {
                    ready.complete(l);
                } else if (l.startsWith("FLOOR ")) {
                    floor.get().complete(l);
                } else if (l.startsWith("STATS ")) {
                    stats.set(l);
                }
            }
        } catch (Exception e) {
            ready.completeExceptionally(e);
        }
        ready.completeExceptionally(new IllegalStateException("screens ended before they were ready"));
        finalStats.complete(stats.get());
    }

    Ready awaitReady(Duration timeout) throws Exception {
        String[] line = ready.get(timeout.toMillis(), TimeUnit.MILLISECONDS).split(" ", 5);
        return new Ready(Integer.parseInt(line[1]), Integer.parseInt(line[2]), Long.parseLong(line[3]), line[4]);
    }

    /** When a screen first saw the marker (epoch microseconds), or null. */
    Long arrival(int screen, String marker) {
        return arrivals.get(key(screen, marker));
    }

    /** How many screens have seen the marker. */
    int seen(String marker) {
        int n = 0;
        for (int i = 0; i < screens; i++) {
            n += arrivals.containsKey(key(i, marker)) ? 1 : 0;
        }
        return n;
    }

    /** Pings every push connection at once (see {@link SyntheticScreens}). */
    Floor floor() throws Exception {
        CompletableFuture<String> answer = new CompletableFuture<>();
        floor.set(answer);
        control.println("PING");
        String[] line = answer.get(2, TimeUnit.MINUTES).split(" ");
        long[] trips = line.length < 4 || line[3].isEmpty() ? new long[0]
                : Arrays.stream(line[3].split(",")).mapToLong(t -> Long.parseLong(t) * 1_000).toArray();
        return new Floor(trips, Long.parseLong(line[2]));
    }

    /** Stops the screens; returns their last {@code STATS} line split into words. */
    String[] quit() throws Exception {
        control.println("QUIT");
        return finalStats.get(2, TimeUnit.MINUTES).split(" ");
    }

    static long value(String[] stats, String key) {
        return Arrays.stream(stats).filter(s -> s.startsWith(key + "=")).findFirst()
                .map(s -> Long.parseLong(s.substring(key.length() + 1))).orElse(0L);
    }

    private static String key(int screen, String marker) {
        return screen + "|" + marker;
    }

    @Override
    public void close() throws InterruptedException {
        control.println("QUIT");
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
        reader.join(5_000);
    }
}
