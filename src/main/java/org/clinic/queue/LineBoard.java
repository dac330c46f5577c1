package org.clinic.queue;

import org.clinic.doctor.DoctorSummary;
import org.jspecify.annotations.Nullable;

import java.time.Duration;
import java.util.List;

/**
 * One doctor's queue (with the walk-ins of their specialty it would call from), or a specialty's walk-in queue.
 *
 * @param doctor   the doctor, or null for a specialty's walk-in queue
 * @param current  called or in consultation
 * @param waiting  in the order they will be called
 */
public record LineBoard(String line, @Nullable DoctorSummary doctor, String title, String room,
                        List<QueueEntryView> current, List<QueueEntryView> waiting, int done, int noShows,
                        Duration averageConsultation) {
}
