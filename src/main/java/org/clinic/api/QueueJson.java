package org.clinic.api;

import io.swagger.v3.oas.annotations.media.Schema;
import org.clinic.queue.DisplayBoard;
import org.clinic.queue.Lane;
import org.clinic.queue.LineBoard;
import org.clinic.queue.QueueEntryView;
import org.clinic.queue.QueueStatus;
import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A doctor's queue today and what the waiting room is being called to, as JSON. Nothing clinical. */
final class QueueJson {

    private QueueJson() {
    }

    @Schema(name = "Queue", description = "A doctor's queue today: who is with them or called, and who waits in the"
            + " order they will be called.")
    record Queue(UUID doctorId, String doctorName, String room, List<Entry> current, List<Entry> waiting, int done,
                 int noShows, int averageConsultationMinutes) {

        static Queue of(UUID doctorId, LineBoard board) {
            return new Queue(doctorId, board.title(), board.room(), board.current().stream().map(Entry::of).toList(),
                    board.waiting().stream().map(Entry::of).toList(), board.done(), board.noShows(),
                    (int) board.averageConsultation().toMinutes());
        }
    }

    @Schema(name = "QueueEntry")
    record Entry(UUID id, @Schema(example = "PAT-004") String token, UUID patientId, String patientName, Lane lane,
                 QueueStatus status, Instant arrivedAt, int waitedMinutes,
                 @Schema(description = "1 = next to be called; 0 when not waiting") int position,
                 int estimatedWaitMinutes, boolean walkIn, @Nullable Instant calledAt) {

        static Entry of(QueueEntryView e) {
            return new Entry(e.id(), e.token(), e.patientId(), e.patientName(), e.lane(), e.status(), e.arrivedAt(),
                    (int) e.waited().toMinutes(), e.position(), (int) e.estimatedWait().toMinutes(), e.walkIn(),
                    e.calledAt());
        }
    }

    @Schema(name = "NowCalling", description = "The latest calls to a doctor's room, newest first, as the"
            + " waiting-room display shows them: tokens and rooms only.")
    record NowCalling(UUID doctorId, List<Call> calls) {

        static NowCalling of(UUID doctorId, DisplayBoard board) {
            return new NowCalling(doctorId, board.calls().stream().map(c -> new Call(c.token(), c.room(), c.recall(),
                    c.at())).toList());
        }
    }

    @Schema(name = "Call")
    record Call(@Schema(example = "PAT-004") String token, @Schema(example = "Room 3") String room, boolean recall,
                Instant at) {
    }
}
