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
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The benchmark's side of {@link SyntheticScreens}: starts the screens in a JVM of their own (loopback only), waits
 * until they are open, collects when each screen first saw each marker, asks for the WebSocket floor and the
 * screens' counters, and stops the process (it also stops by itself, see {@code screens.maxMinutes}).
 * <p>
 * The screens JVM is sized by the number of screens ({@code -Dbenchmark.screens.heap=2g} overrides it). Arrivals
 * are kept per screen and marker, unless the fleet is given an {@link Arrivals} of its own (the soak keeps nothing
 * that grows with time, so the server JVM's heap stays comparable from minute to minute).
 */
final class SyntheticScreenFleet implements AutoCloseable {

    /** What the screens said once they were all open. */
    record Ready(int opened, int failed, long millis, String firstError) {
    }

    /** WebSocket ping round trips on every open push connection at once (nanoseconds, sorted) and the last one. */
    record Floor(long[] roundTrips, long lastMicros) {
        long lastMillis() {
            return lastMicros / 1_000;
        }
    }

    /** One screen to open: a route, its query, the account it signs in as ({@code -} for none), its poll interval. */
    record Screen(String route, String query, String user, long pollMillis) {
    }

    /** Where arrivals go: a screen first saw a marker at this time (epoch µs). Called on the fleet's reader thread. */
    interface Arrivals {
        void arrived(int screen, String marker, long epochMicros);
    }

    private final int screens;
    private final Process process;
    private final PrintWriter control;
    private final Thread reader;
    private final Arrivals sink;
    private final Map<String, Long> arrivals = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> seen = new ConcurrentHashMap<>();
    private final CompletableFuture<String> ready = new CompletableFuture<>();
    private final AtomicReference<CompletableFuture<String>> floor = new AtomicReference<>(new CompletableFuture<>());
    private final AtomicReference<CompletableFuture<String>> nextStats = new AtomicReference<>(new CompletableFuture<>());
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
        return start(port, route, query, markers, screens, pollMillis, log, password, users, 30, null);
    }

    /** Opens these screens, each with its own route, query, account and poll; {@code arrivals} null keeps them here. */
    static SyntheticScreenFleet start(int port, List<Screen> screens, String markers, String log, String password,
                                      long maxMinutes, Arrivals arrivals) throws IOException {
        List<String> lines = screens.stream().map(s -> s.route() + "\t" + s.query() + "\t" + s.user() + "\t"
                + s.pollMillis()).toList();
        return start(port, "@" + write(log, lines), "", markers, screens.size(), 30_000, log, password, List.of(),
                maxMinutes, arrivals);
    }

    private static SyntheticScreenFleet start(int port, String route, String query, String markers, int screens,
                                              long pollMillis, String log, String password, List<String> users,
                                              long maxMinutes, Arrivals arrivals) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx" + heap(screens),
                "-Xss512k", "-Dscreens.pollMillis=" + pollMillis,
                "-Dscreens.maxMinutes=" + maxMinutes, "-cp", System.getProperty("java.class.path"),
                SyntheticScreens.class.getName(), "http://localhost:" + port, route, query, markers,
                Integer.toString(screens), password));
        command.addAll(users);
        File errors = Path.of("target", log + ".log").toFile();
        return new SyntheticScreenFleet(screens, new ProcessBuilder(command).redirectError(errors).start(), arrivals);
    }

    /** 1 GB up to 2 000 screens, then about 300 KB more per screen (its HTTP client share, socket buffers, parsing). */
    private static String heap(int screens) {
        String given = System.getProperty("benchmark.screens.heap");
        if (given != null && !given.isBlank()) {
            return given;
        }
        return Math.max(1024, 400 + screens * 3 / 10) + "m";
    }

    private static String write(String log, List<String> routes) throws IOException {
        Path file = Path.of("target", log + "-routes.txt").toAbsolutePath();
        Files.write(file, routes, StandardCharsets.UTF_8);
        return file.toString();
    }

    private SyntheticScreenFleet(int screens, Process process, Arrivals sink) {
        this.screens = screens;
        this.process = process;
        this.sink = sink != null ? sink : this::keep;
        this.control = new PrintWriter(process.getOutputStream(), true, StandardCharsets.UTF_8);
        this.reader = Thread.ofPlatform().daemon().name("screens-reader").start(this::read);
    }

    private void keep(int screen, String marker, long epochMicros) {
        if (arrivals.putIfAbsent(key(screen, marker), epochMicros) == null) {
            seen.computeIfAbsent(marker, m -> new AtomicInteger()).incrementAndGet();
        }
    }

    private void read() {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            for (String l = in.readLine(); l != null; l = in.readLine()) {
                if (l.startsWith("A ")) {
                    String[] a = l.split(" ", 4);
                    sink.arrived(Integer.parseInt(a[1]), a[3], Long.parseLong(a[2]));
                } else if (l.startsWith("READY ")) {
                    ready.complete(l);
                } else if (l.startsWith("FLOOR ")) {
                    floor.get().complete(l);
                } else if (l.startsWith("STATS ")) {
                    stats.set(l);
                    nextStats.get().complete(l);
                }
            }
        } catch (Exception e) {
            ready.completeExceptionally(e);
        }
        ready.completeExceptionally(new IllegalStateException("screens ended before they were ready"));
        finalStats.complete(stats.get());
    }

    /** The thread that reads what the screens report (its CPU time is the benchmark's, not the server's). */
    Thread reader() {
        return reader;
    }

    int size() {
        return screens;
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
        AtomicInteger n = seen.get(marker);
        return n == null ? 0 : n.get();
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

    /** The screens' counters now, split into words (see {@link #value}). */
    String[] stats() throws Exception {
        CompletableFuture<String> answer = new CompletableFuture<>();
        nextStats.set(answer);
        control.println("STATS");
        return answer.get(1, TimeUnit.MINUTES).split(" ");
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
