package org.clinic.queue;

import org.clinic.base.LiveEvent;

import java.time.LocalDate;
import java.util.Set;

/**
 * Queues of a day changed: a check-in, a call, a move. {@code lines} are the queues concerned
 * ({@code doctor:<id>} or {@code specialty:<id>}, internal ids, never shown); {@code call} is set when a patient was
 * called or recalled, so displays know to announce.
 */
public record QueueChanged(LocalDate date, Set<String> lines, boolean call) implements LiveEvent {
}
