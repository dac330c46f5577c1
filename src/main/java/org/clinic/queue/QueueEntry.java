package org.clinic.queue;

import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A queue row as the service works with it (internal ids included; never handed to screens). */
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
}
