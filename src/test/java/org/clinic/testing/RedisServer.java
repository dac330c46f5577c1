package org.clinic.testing;

import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * A real {@code redis-server} (Debian's package) on a loopback port, started and stopped by a test; nothing saved.
 * Without one the test is skipped, unless CLINIC_REQUIRE_REDIS=1 (CI) makes that an error. It can be stopped and
 * started again on the same port (a Redis outage).
 */
public final class RedisServer implements AutoCloseable {

    private static final Path BINARY = Path.of(System.getenv().getOrDefault("CLINIC_REDIS_SERVER", "/usr/bin/redis-server"));

    private final int port;
    private Process process;

    private RedisServer(int port) {
        this.port = port;
    }

    /** Starts one on a free port, or skips the calling test when redis-server is missing. */
    public static RedisServer startOrSkip() {
        if (!Files.isExecutable(BINARY)) {
            if ("1".equals(System.getenv("CLINIC_REQUIRE_REDIS"))) {
                throw new IllegalStateException("redis-server is required but missing at " + BINARY);
            }
            Assumptions.abort("No redis-server at " + BINARY + ": install the redis-server package to run the "
                    + "two-node test");
        }
        RedisServer server = new RedisServer(freePort());
        server.start();
        return server;
    }

    public String url() {
        return "redis://127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    public synchronized void start() {
        if (process != null && process.isAlive()) {
            return;
        }
        try {
            process = new ProcessBuilder(List.of(BINARY.toString(), "--port", String.valueOf(port),
                    "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--protected-mode", "yes"))
                    .redirectErrorStream(true)
                    .redirectOutput(Path.of("target", "redis-" + port + ".log").toFile())
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        long until = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < until) {
            try (Socket ignored = new Socket(InetAddress.getLoopbackAddress(), port)) {
                return;
            } catch (IOException notYet) {
                sleep(50);
            }
        }
        throw new IllegalStateException("redis-server did not start on port " + port);
    }

    /** Stops the server at once (connections drop, as when it crashes). */
    public synchronized void stop() {
        if (process != null) {
            process.destroyForcibly();
            try {
                process.waitFor();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            process = null;
        }
    }

    @Override
    public void close() {
        stop();
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
