package org.clinic.appointment;

import org.jspecify.annotations.Nullable;

import java.time.Instant;

public record AppointmentHistoryEntry(Instant at, String actor, @Nullable AppointmentStatus from, AppointmentStatus to,
                                      @Nullable String note) {
}
