package org.clinic.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.clinic.doctor.DoctorService;
import org.clinic.queue.DisplayScope;
import org.clinic.queue.QueueBoards;
import org.clinic.queue.QueueService;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.UUID;

/** A doctor's live queue today, calling the next patient, and "now calling", through the queue's services. */
@RestController
@RequestMapping(path = "/api/v1/doctors/{doctorId}", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Queue", description = "Today's queue of a doctor and the calls to their room. A doctor's token works"
        + " only its own doctor's queue.")
class QueueApi {

    private final QueueBoards boards;
    private final QueueService queue;
    private final DoctorService doctors;

    QueueApi(QueueBoards boards, QueueService queue, DoctorService doctors) {
        this.boards = boards;
        this.queue = queue;
        this.doctors = doctors;
    }

    @GetMapping("/queue")
    @Operation(summary = "A doctor's queue today")
    QueueJson.Queue queue(@PathVariable UUID doctorId) {
        return QueueJson.Queue.of(doctorId, boards.board(doctorId));
    }

    @PostMapping("/queue/call-next")
    @Operation(summary = "Call the next patient", description = "Emergencies first, then the priority lanes and"
            + " regular patients interleaved, as on the doctor's screen. 204 when nobody waits.")
    ResponseEntity<QueueJson.Entry> callNext(@PathVariable UUID doctorId) {
        return queue.callNext(doctorId).map(QueueJson.Entry::of).map(ResponseEntity::ok)
                .orElseGet(() -> ResponseEntity.noContent().build());
    }

    @GetMapping("/now-calling")
    @Operation(summary = "Now calling", description = "The latest calls to the doctor's room: tokens and rooms only,"
            + " as the waiting-room display shows them.")
    QueueJson.NowCalling nowCalling(@PathVariable UUID doctorId) {
        doctors.doctor(doctorId); // 404 for an id that is no doctor's
        return QueueJson.NowCalling.of(doctorId, boards.display(new DisplayScope(DisplayScope.Kind.DOCTOR, doctorId),
                false));
    }
}
