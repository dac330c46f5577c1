package org.clinic.appointment;

import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.LocalDate;

/**
 * For tests that write appointments straight into the database (prepared past months and days): keeps the
 * doctor's day counter in step, as booking would, so the booking invariants checked elsewhere still hold.
 */
public final class DoctorDayCounts {

    private DoctorDayCounts() {
    }

    public static void count(JdbcClient jdbc, long doctorInternalId, LocalDate day, String status) {
        if (status.equals(AppointmentStatus.CANCELLED.name()) || status.equals(AppointmentStatus.NO_SHOW.name())) {
            return;
        }
        jdbc.sql("INSERT INTO doctor_day (doctor_id, on_date, capacity, booked) SELECT id, :day, daily_capacity, 1"
                        + " FROM doctor WHERE id = :d ON DUPLICATE KEY UPDATE booked = booked + 1")
                .param("d", doctorInternalId).param("day", day).update();
    }
}
