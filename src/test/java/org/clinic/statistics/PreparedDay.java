package org.clinic.statistics;

import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.UUID;

/**
 * Writes a day's appointments and queue visits straight into the tables, as they would stand after the day had
 * happened (any date, also in the past, which no service may book). Internal ids throughout.
 */
final class PreparedDay {

    private final JdbcClient jdbc;
    private final LocalDate day;
    private int next;

    PreparedDay(JdbcClient jdbc, LocalDate day) {
        this.jdbc = jdbc;
        this.day = day;
    }

    long appointment(long doctor, long patient, String status) {
        LocalTime start = LocalTime.of(8, 0).plusMinutes(10L * next++);
        jdbc.sql("""
                INSERT INTO appointment (public_id, request_id, patient_id, doctor_id, on_date, starts_at, ends_at, kind,
                                         status, booked_at, booked_by)
                VALUES (UUID(), UUID(), :patient, :doctor, :day, :start, :end, 'NEW', :status, NOW(6), 'test')""")
                .param("patient", patient).param("doctor", doctor).param("day", day).param("start", start)
                .param("end", start.plusMinutes(10)).param("status", status).update();
        org.clinic.appointment.DoctorDayCounts.count(jdbc, doctor, day, status);
        return jdbc.sql("SELECT id FROM appointment WHERE doctor_id = ? AND on_date = ? AND starts_at = ?")
                .params(doctor, day, start).query(Long.class).single();
    }

    /** A visit in a doctor's queue ({@code doctor} set) or a specialty's walk-in queue; times are HH:mm or null. */
    void visit(Long doctor, long specialty, long patient, Long appointment, String status, String arrived,
               String called) {
        int number = ++next;
        String line = doctor != null ? "doctor:" + doctor : "specialty:" + specialty;
        jdbc.sql("""
                INSERT INTO queue_entry (public_id, on_date, token_line, token_number, token, line, place, doctor_id,
                                         specialty_id, patient_id, initials, appointment_id, lane, status, arrived_at,
                                         called_at)
                VALUES (:id, :day, :line, :number, :token, :line, :number, :doctor, :specialty, :patient, 'A. B.',
                        :appointment, 'REGULAR', :status, :arrived, :called)""")
                .param("id", UUID.randomUUID()).param("day", day).param("line", line).param("number", number)
                .param("token", "T-" + number).param("doctor", doctor).param("specialty", specialty)
                .param("patient", patient).param("appointment", appointment).param("status", status)
                .param("arrived", day + " " + arrived + ":00")
                .param("called", called == null ? null : day + " " + called + ":00").update();
    }

}
