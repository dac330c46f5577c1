package org.clinic.doctor;

import java.util.List;

/** A doctor's own view of their working time: details, the week, and what is coming up. */
public record DoctorSchedule(DoctorRecord doctor, List<WorkingSession> week, List<DateException> upcoming,
                             List<ClinicHoliday> holidays) {
}
