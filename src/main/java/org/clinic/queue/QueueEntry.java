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
        return new QueueEntry(id, publicId, date, tokenLine, tokenNumber, token, line, place, doctorId, specialtyId,
                patientId, initials, appointmentId, lane, priorityReason, visitReason, newStatus, skips, arrivedAt,
                calledAt, startedAt, finishedAt, version);
    }
}
