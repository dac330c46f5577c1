package org.clinic.queue;

import org.jspecify.annotations.Nullable;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;

/**
 * A patient's place in the queue as the patient's own screens show it (the position page, the kiosk's ticket):
 * never a name, a reason or a priority.
 *
 * @param ahead             how many will be called before them (0: next), by the queue's own call order
 * @param estimatedWait     an estimate: the doctor's recent consultations today, or the slot length until then
 * @param estimateFromToday whether the estimate comes from today's consultations (else the configured slot)
 * @param room              the room to go to (the doctor's; empty while a specialty walk-in has no doctor yet)
 * @param lines             the queue lines whose changes can move this place (internal, never shown)
 */
public record QueuePlace(UUID entryId, String visitCode, LocalDate date, String token, QueueStatus status, int ahead,
                         Duration estimatedWait, boolean estimateFromToday, String room,
                         @Nullable String doctorName, Set<String> lines) {
}
