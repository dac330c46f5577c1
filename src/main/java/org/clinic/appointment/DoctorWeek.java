package org.clinic.appointment;

import org.clinic.doctor.DoctorSummary;

import java.util.List;

/** A doctor's free slots over consecutive days, one {@link FreeDay} a day, in date order. */
public record DoctorWeek(DoctorSummary doctor, List<FreeDay> days) {
}
