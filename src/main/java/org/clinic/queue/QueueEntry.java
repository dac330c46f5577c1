package org.clinic.queue;

import org.jspecify.annotations.Nullable;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * A queue row as the service works with it (internal ids included; never handed to screens). Its transitions
 * return the changed entry; {@link QueueService} decides which are allowed and writes them.
 */
record QueueEntry(long id, UUID publicId, LocalDate date, String tokenLine, int tokenNumber, String token,
                  String line, long place, @Nullable Long doctorId, long specialtyId, long patientId, String initials,
                  @Nullable Long appointmentId, Lane lane, @Nullable String priorityReason,
                  @Nullable String visitReason, QueueStatus status, int skips, Instant arrivedAt,
                  @Nullable Instant calledAt, @Nullable Instant startedAt, @Nullable Instant finishedAt,
                  long version) {

    static String doctorLine(long doctorId) {
        return "doctor:" + doctorId;
    }

    static String specialtyLine(long specialtyId) {
        return "specialty:" + specialtyId;
    }

    QueueEntry with(QueueStatus newStatus) {
        return changed(line, place, doctorId, lane, priorityReason, newStatus, skips, calledAt, startedAt, finishedAt);
    }

    /** The same patient's entry with its changeable columns (those {@code QueueStore.update} writes) replaced. */
    QueueEntry changed(String newLine, long newPlace, @Nullable Long newDoctorId, Lane newLane,
                       @Nullable String newPriorityReason, QueueStatus newStatus, int newSkips,
                       @Nullable Instant newCalledAt, @Nullable Instant newStartedAt, @Nullable Instant newFinishedAt) {
        return new QueueEntry(id, publicId, date, tokenLine, tokenNumber, token, newLine, newPlace, newDoctorId,
                specialtyId, patientId, initials, appointmentId, newLane, newPriorityReason, visitReason, newStatus,
                newSkips, arrivedAt, newCalledAt, newStartedAt, newFinishedAt, version);
    }

    /** Moved to another place, line or doctor, with a new status (a call, a transfer). */
    QueueEntry movedTo(String newLine, long newPlace, @Nullable Long newDoctorId, QueueStatus newStatus,
                       @Nullable Instant newCalledAt) {
        return changed(newLine, newPlace, newDoctorId, lane, priorityReason, newStatus, skips, newCalledAt, startedAt,
                finishedAt);
    }

    /** The same place with a new status and times (a recall, the start and end of the consultation). */
    QueueEntry at(QueueStatus newStatus, @Nullable Instant newCalledAt, @Nullable Instant newStartedAt,
                  @Nullable Instant newFinishedAt) {
        return changed(line, place, doctorId, lane, priorityReason, newStatus, skips, newCalledAt, newStartedAt,
                newFinishedAt);
    }

    /** The state an undo restores: status, line, place, doctor, skips, lane, priority reason, call time. */
    String undoState() {
        Map<String, String> state = new LinkedHashMap<>();
        state.put("status", status.name());
        state.put("line", line);
        state.put("place", Long.toString(place));
        state.put("doctor", doctorId == null ? "" : doctorId.toString());
        state.put("skips", Integer.toString(skips));
        state.put("lane", lane.name());
        state.put("reason", priorityReason == null ? "" : priorityReason);
        state.put("called", calledAt == null ? "" : Long.toString(calledAt.toEpochMilli()));
        return state.entrySet().stream().map(x -> x.getKey() + "=" + URLEncoder.encode(x.getValue(),
                StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
    }

    /** This entry with the state {@link #undoState()} recorded before an action put back. */
    QueueEntry restored(String undoState) {
        Map<String, String> state = new HashMap<>();
        for (String pair : undoState.split("&")) {
            int eq = pair.indexOf('=');
            state.put(pair.substring(0, eq), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        String doctor = state.get("doctor");
        String reason = state.get("reason");
        String called = state.get("called");
        return changed(state.get("line"), Long.parseLong(state.get("place")),
                doctor.isEmpty() ? null : Long.valueOf(doctor), Lane.valueOf(state.get("lane")),
                reason.isEmpty() ? null : reason, QueueStatus.valueOf(state.get("status")),
                Integer.parseInt(state.get("skips")),
                called.isEmpty() ? null : Instant.ofEpochMilli(Long.parseLong(called)), startedAt, finishedAt);
    }
}
