package org.clinic.doctor;

import org.jspecify.annotations.Nullable;

import java.time.LocalDate;
import java.time.LocalTime;

/**
 * A date on which a doctor's day differs from their week: leave (no sessions) or an extra session.
 * {@code id} identifies the row for removal and stays on the server.
 */
public record DateException(long id, LocalDate date, Kind kind, @Nullable LocalTime start, @Nullable LocalTime end,
                            @Nullable String note) {

    public enum Kind {
        LEAVE("Leave"),
        EXTRA("Extra session");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }
}
