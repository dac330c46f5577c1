package org.clinic.benchmark;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Watches LiveUpdates' delivery threads (live-updates, live-updates-delayed, live-updates-delivery-N: they run each
 * screen's refresh and push inline, in {@code UI.access}) and the queue's shared read (queue-snapshot): samples
 * their stacks every 5 ms and says where the time goes, and when they are idle. Threads are looked up again now and then: the delivery pool starts its threads on
 * demand.
 */
final class FanOutSampler {

    private volatile List<Thread> threads = liveUpdateThreads();
    private final Map<String, Long> samples = new ConcurrentHashMap<>();
    private final Thread sampler = Thread.ofPlatform().daemon().name("fan-out-sampler").start(this::sample);

    private static List<Thread> liveUpdateThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().startsWith("live-updates")
                        || t.getName().startsWith("queue-snapshot"))
                .toList();
    }

    private void sample() {
        for (long n = 1; !Thread.currentThread().isInterrupted(); n++) {
            if (n % 200 == 0) {
                threads = liveUpdateThreads();
            }
            for (Thread thread : threads) {
                samples.merge(classify(thread.getStackTrace()), 1L, Long::sum);
            }
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private static String classify(StackTraceElement[] stack) {
        if (idle(stack)) {
            return "idle";
        }
        String frames = Arrays.stream(stack).map(f -> f.getClassName() + "." + f.getMethodName())
                .reduce("", (a, b) -> a + "\n" + b);
        if (frames.contains("QueueSnapshots.load")) {
            return "reading today's queue once per change (QueueSnapshots.load: SQL)";
        }
        if (frames.contains("QueueSnapshots.today")) {
            return "waiting for today's shared read (QueueSnapshots.today)";
        }
        if (frames.contains("QueueBoards.")) {
            return "projecting the shared read for a screen (QueueBoards)";
        }
        if (frames.contains("QueueService.board")) {
            return "reading the queue (QueueService.board: SQL)";
        }
        if (frames.contains("QueueService.display") || frames.contains("QueueService.boards")) {
            return "reading the queue for a display or dashboard (QueueService.display/boards)";
        }
        if (frames.contains("QueuePositions.load")) {
            return "reading the line once for all position pages (QueuePositions.load: SQL)";
        }
        if (frames.contains("QueuePositions.snapshot")) {
            return "waiting for the line's shared read";
        }
        if (frames.contains("UidlWriter")) {
            return "building the UIDL message (incl. grid rows rendered before the response)";
        }
        if (frames.contains("AtmospherePushConnection") || frames.contains("org.atmosphere")
                || frames.contains("WsRemoteEndpoint")) {
            return "writing the push message to the socket";
        }
        if (frames.contains("DoctorQueueView.refresh") || frames.contains("VisitView.show")
                || frames.contains("WaitingRoomDisplayView.show") || frames.contains("ReceptionQueueView.refreshBoards")) {
            return "rebuilding the view (setItems, components)";
        }
        if (frames.contains("VisitPositions.refresh") || frames.contains("QueuePositions.refresh")) {
            return "the page's place from the shared read";
        }
        if (frames.contains("VaadinSession.lock") || frames.contains("VaadinService.lockSession")) {
            return "waiting for a session's lock";
        }
        return "other (access queue, filter)";
    }

    private static boolean idle(StackTraceElement[] stack) {
        return Arrays.stream(stack).anyMatch(f -> f.getMethodName().equals("getTask"));
    }

    /** Waits until every delivery thread has been idle for three looks in a row (50 ms apart). */
    void awaitIdle(long timeoutMillis) {
        long deadline = System.currentTimeMillis() + timeoutMillis;
        int quiet = 0;
        while (quiet < 3 && System.currentTimeMillis() < deadline) {
            ServerProbe.sleep(50);
            quiet = liveUpdateThreads().stream().allMatch(t -> idle(t.getStackTrace())) ? quiet + 1 : 0;
        }
    }

    /** The sampling thread (its CPU time is the benchmark's, not the server's). */
    Thread thread() {
        return sampler;
    }

    String stop() {
        sampler.interrupt();
        long working = samples.entrySet().stream().filter(e -> !e.getKey().equals("idle"))
                .mapToLong(Map.Entry::getValue).sum();
        if (threads.isEmpty() || working == 0) {
            return "no samples";
        }
        StringBuilder text = new StringBuilder();
        samples.entrySet().stream().filter(e -> !e.getKey().equals("idle"))
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .forEach(e -> text.append(text.isEmpty() ? "" : ", ")
                        .append(String.format("%.0f%% %s", 100.0 * e.getValue() / working, e.getKey())));
        return text.toString();
    }
}
