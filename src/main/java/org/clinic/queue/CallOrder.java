package org.clinic.queue;

import java.util.ArrayList;
import java.util.List;

/**
 * The order in which the waiting patients of a doctor's queue (and their specialty's walk-ins) will be called: the
 * lines merged by arrival, keeping each line's own order; emergencies first; then up to
 * {@code prioritiesPerRegular} priority patients for each regular one while both wait. A pure policy: the queue
 * calls by it, and every screen that says "n ahead of you" counts by it.
 */
final class CallOrder {

    private CallOrder() {
    }

    static List<QueueEntry> of(List<QueueEntry> entries, String ownLine, int streak, int prioritiesPerRegular) {
        List<QueueEntry> ownWaiting = entries.stream()
                .filter(e -> e.line().equals(ownLine) && e.status() == QueueStatus.WAITING).toList();
        List<QueueEntry> othersWaiting = entries.stream()
                .filter(e -> !e.line().equals(ownLine) && e.status() == QueueStatus.WAITING).toList();
        List<QueueEntry> pool = new ArrayList<>();
        int i = 0;
        int j = 0;
        while (i < ownWaiting.size() || j < othersWaiting.size()) {
            boolean takeOwn = j >= othersWaiting.size() || (i < ownWaiting.size()
                    && !ownWaiting.get(i).arrivedAt().isAfter(othersWaiting.get(j).arrivedAt()));
            pool.add(takeOwn ? ownWaiting.get(i++) : othersWaiting.get(j++));
        }
        List<QueueEntry> order = new ArrayList<>();
        int run = streak;
        while (!pool.isEmpty()) {
            QueueEntry next = pool.stream().filter(e -> e.lane() == Lane.EMERGENCY).findFirst().orElse(null);
            if (next == null) {
                QueueEntry priority = pool.stream().filter(e -> e.lane().isPriority()).findFirst().orElse(null);
                QueueEntry regular = pool.stream().filter(e -> e.lane() == Lane.REGULAR).findFirst().orElse(null);
                next = priority == null ? regular : regular == null || run < prioritiesPerRegular ? priority : regular;
            }
            run = nextStreak(run, next.lane());
            order.add(next);
            pool.remove(next);
        }
        return order;
    }

    /** The priority streak after a call from the given lane: a regular call ends it, an emergency leaves it. */
    static int nextStreak(int streak, Lane called) {
        return called == Lane.REGULAR ? 0 : called.isPriority() ? streak + 1 : streak;
    }
}
