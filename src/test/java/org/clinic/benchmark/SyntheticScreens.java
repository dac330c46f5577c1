package org.clinic.benchmark;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

/**
 * Many {@link SyntheticScreen}s in their own JVM, so that the server's heap per screen is measured without the
 * clients in it. Started through {@link SyntheticScreenFleet}:
 * {@code SyntheticScreens <base-url> <route> <query> <marker-pattern> <screens> [<password> <user>...]}; each screen
 * has its own HTTP session, signed in as the users in turn (none given: a public page, not signed in). The route is
 * one for all, or {@code @<file>} with one line per screen, screen i opening line i; a line is the route, optionally
 * followed by tab-separated fields: the query (replacing the one given for all), the user to sign in as (replacing
 * the users given for all; {@code -} for none) and the poll interval in ms the view asks for. Writes to stdout:
 * {@code READY <opened> <failed> <millis> <first error>} once all are open, then
 * {@code A <screen> <epoch-micros> <marker>} for each marker (the pattern's first group) each screen first sees;
 * on {@code PING}, a WebSocket ping on every push connection at once and
 * {@code FLOOR <answered> <last-micros> <round trips in µs, sorted, comma-separated>}; on {@code STATS}, a
 * {@code STATS …} line; on {@code QUIT} (or end of stdin) {@code STATS …} and exits. Polls as the view asks
 * ({@code -Dscreens.pollMillis}, 30 s by default, or the route line's own). Stops by itself after
 * {@code -Dscreens.maxMinutes} (30) in any case.
 */
public final class SyntheticScreens {

    private static final int SCREENS_PER_CLIENT = 50;
    private static final int OPENING_THREADS = 6;

    private SyntheticScreens() {
    }

    public static void main(String[] args) throws Exception {
        URI base = URI.create(args[0]);
        int count = Integer.parseInt(args[4]);
        List<String> routes = args[1].startsWith("@") ? Files.readAllLines(Path.of(args[1].substring(1)))
                : java.util.Collections.nCopies(count, args[1]);
        String query = args[2];
        Pattern markers = Pattern.compile(args[3]);
        String password = args.length > 5 ? args[5] : "";
        List<String> users = args.length > 6 ? List.of(args).subList(6, args.length) : List.of();
        long pollMillis = Long.getLong("screens.pollMillis", 30_000);
        long maxMinutes = Long.getLong("screens.maxMinutes", 30);

        Thread watchdog = Thread.ofPlatform().daemon().start(() -> {
            try {
                Thread.sleep(Duration.ofMinutes(maxMinutes));
            } catch (InterruptedException e) {
                return;
            }
            System.err.println("SyntheticScreens: " + maxMinutes + " minutes are up, stopping");
            Runtime.getRuntime().halt(3);
        });

        PrintStream stdout = new PrintStream(System.out, false, StandardCharsets.UTF_8);
        LinkedBlockingQueue<String> out = new LinkedBlockingQueue<>();
        Thread writer = Thread.ofPlatform().daemon().start(() -> {
            try {
                while (true) {
                    stdout.println(out.take());
                    if (out.isEmpty()) {
                        stdout.flush();
                    }
                }
            } catch (InterruptedException e) {
                stdout.flush();
            }
        });
        SyntheticScreen.Sink sink = (screen, marker, micros) -> out.add("A " + screen + " " + micros + " " + marker);

        ExecutorService callbacks = Executors.newFixedThreadPool(4, Thread.ofPlatform().daemon().name("screens-", 0).factory());
        List<HttpClient> clients = new ArrayList<>();
        List<SyntheticScreen> screens = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            if (i % SCREENS_PER_CLIENT == 0) {
                clients.add(HttpClient.newBuilder().executor(callbacks).connectTimeout(Duration.ofSeconds(10)).build());
            }
            screens.add(new SyntheticScreen(i, clients.getLast(), base, markers, sink));
        }
        // route [TAB query [TAB user [TAB poll ms]]]
        List<String[]> lines = routes.stream().map(line -> line.split("\t", -1)).toList();

        long start = System.nanoTime();
        AtomicInteger failed = new AtomicInteger();
        List<String> firstError = new ArrayList<>();
        try (ExecutorService opening = Executors.newFixedThreadPool(OPENING_THREADS)) {
            List<Future<?>> opened = new ArrayList<>();
            for (SyntheticScreen screen : screens) {
                opened.add(opening.submit(() -> {
                    try {
                        String[] line = lines.get(screen.index);
                        String user = line.length > 2 ? line[2]
                                : users.isEmpty() ? "-" : users.get(screen.index % users.size());
                        if (!user.equals("-")) {
                            screen.signIn(user, password);
                        }
                        String view = screen.open(line[0], line.length > 1 ? line[1] : query);
                        if (!view.contains("\"changes\"")) {
                            throw new IllegalStateException("the view was not built: " + view);
                        }
                    } catch (Exception e) {
                        failed.incrementAndGet();
                        synchronized (firstError) {
                            if (firstError.isEmpty()) {
                                firstError.add(e.toString().replace('\n', ' '));
                                e.printStackTrace();
                            }
                        }
                    }
                }));
            }
            for (Future<?> f : opened) {
                f.get(10, TimeUnit.MINUTES);
            }
        }
        out.add("READY " + (count - failed.get()) + " " + failed.get() + " "
                + TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start) + " "
                + (firstError.isEmpty() ? "-" : firstError.getFirst()));

        // What the browser keeps doing while it shows the page: the view's poll, the 5 min heartbeat.
        ScheduledExecutorService timers = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().factory());
        for (SyntheticScreen screen : screens) {
            String[] line = lines.get(screen.index);
            long poll = line.length > 3 ? Long.parseLong(line[3]) : pollMillis;
            timers.scheduleAtFixedRate(screen::poll, ThreadLocalRandom.current().nextLong(poll), poll,
                    TimeUnit.MILLISECONDS);
            timers.scheduleAtFixedRate(screen::heartbeat, 300_000, 300_000, TimeUnit.MILLISECONDS);
        }

        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        for (String command = in.readLine(); command != null && !command.equals("QUIT"); command = in.readLine()) {
            if (command.equals("STATS")) {
                out.add(stats(screens));
            } else if (command.equals("PING")) {
                out.add(ping(screens));
            }
        }
        timers.shutdownNow();
        screens.forEach(SyntheticScreen::quitting);
        out.add(stats(screens));
        screens.forEach(SyntheticScreen::close);
        Thread.sleep(500);
        writer.interrupt();
        writer.join(2_000);
        watchdog.interrupt();
        System.exit(0);
    }

    /** Pings every connected screen's WebSocket at once: the round trip without Vaadin, on the same connections. */
    private static String ping(List<SyntheticScreen> screens) {
        long start = System.nanoTime();
        List<CompletableFuture<Long>> pongs = screens.stream().filter(SyntheticScreen::connected)
                .map(SyntheticScreen::ping).toList();
        long[] trips = pongs.stream().mapToLong(pong -> {
            try {
                return pong.get(30, TimeUnit.SECONDS);
            } catch (Exception e) {
                return -1;
            }
        }).filter(t -> t >= 0).sorted().toArray();
        long lastMicros = TimeUnit.NANOSECONDS.toMicros(System.nanoTime() - start);
        return "FLOOR " + trips.length + " " + lastMicros + " " + String.join(",",
                Arrays.stream(trips).mapToObj(t -> Long.toString(t / 1_000)).toList());
    }

    private static String stats(List<SyntheticScreen> screens) {
        long pushes = 0;
        long chars = 0;
        long confirms = 0;
        long errors = 0;
        long disconnects = 0;
        int connected = 0;
        String lastError = "-";
        for (SyntheticScreen s : screens) {
            pushes += s.pushes.get();
            chars += s.pushedChars.get();
            confirms += s.confirms.get();
            errors += s.errors.get();
            disconnects += s.disconnects.get();
            connected += s.connected() ? 1 : 0;
            if (s.lastError != null) {
                lastError = s.lastError.replace('\n', ' ');
            }
        }
        return "STATS connected=" + connected + " pushes=" + pushes + " pushedChars=" + chars + " confirms=" + confirms
                + " errors=" + errors + " disconnects=" + disconnects + " lastError=" + lastError;
    }
}
