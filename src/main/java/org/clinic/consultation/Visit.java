package org.clinic.consultation;

import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** That a visit happened, and when and with whom: what staff who are not doctors may know. No clinical content. */
public record Visit(UUID id, LocalDate date, Instant startedAt, @Nullable Instant completedAt, String doctorName,
                    String specialty, ConsultationStatus status) {
}
