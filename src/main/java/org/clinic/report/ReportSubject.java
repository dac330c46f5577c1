package org.clinic.report;

import java.util.UUID;

/** A doctor a report may be read for, as the month picker's companion lists them. */
public record ReportSubject(UUID doctorId, String name, String specialty, boolean active) {
}
