package org.clinic.statistics;

import java.time.LocalDate;
import java.util.List;

/** The clinic's day so far: one row per doctor (and per specialty walk-in queue) with anyone booked or arrived. */
public record Today(LocalDate date, List<DoctorToday> doctors, DoctorToday total) {
}
