package org.clinic.doctor;

import java.time.LocalDate;

/** A date on which the whole clinic is closed. */
public record ClinicHoliday(LocalDate date, String name) {
}
