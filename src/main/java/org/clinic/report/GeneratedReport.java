package org.clinic.report;

import java.time.Instant;
import java.time.YearMonth;
import java.util.UUID;

/** A report generated on the 1st (or by the start-up catch-up) and announced to its doctor. */
public record GeneratedReport(UUID doctorId, String doctorName, YearMonth month, Instant generatedAt, int booked,
                              int completed, int consultations) {
}
