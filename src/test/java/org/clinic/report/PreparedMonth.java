package org.clinic.report;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.UUID;

/**
 * A month of activity for one test doctor, written straight into the tables (the services refuse the past):
 * appointments in every state, queue visits with known waits, consultations with codes. Test data only.
 */
final class PreparedMonth {

    private final JdbcClient jdbc;
    private final long doctor;
    private final long specialty;
    private final ZoneId zone;
    private int token;

    PreparedMonth(JdbcClient jdbc, long doctorInternalId, ZoneId zone) {
        this.jdbc = jdbc;
        this.doctor = doctorInternalId;
        this.zone = zone;
        this.specialty = jdbc.sql("SELECT specialty_id FROM doctor WHERE id = :d").param("d", doctorInternalId)
                .query(Long.class).single();
    }

    long patient(UUID publicId) {
        return jdbc.sql("SELECT id FROM patient WHERE public_id = :p").param("p", publicId).query(Long.class).single();
    }

    long appointment(long patient, LocalDate day, LocalTime start, String status) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO appointment (public_id, request_id, patient_id, doctor_id, on_date, starts_at, ends_at,"
                        + " kind, status, booked_at, booked_by) VALUES (:id, :r, :p, :d, :day, :start, :end, 'NEW',"
                        + " :status, :at, 'test')")
                .param("id", UUID.randomUUID()).param("r", UUID.randomUUID()).param("p", patient).param("d", doctor)
                .param("day", day).param("start", start).param("end", start.plusMinutes(15)).param("status", status)
                .param("at", Timestamp.from(at(day.minusDays(7), LocalTime.NOON))).update(key, "id");
        org.clinic.appointment.DoctorDayCounts.count(jdbc, doctor, day, status);
        return key.getKey().longValue();
    }

    /** A queue visit: arrived, then (if {@code waitSeconds} is set) called that much later, seen for the length. */
    long visit(long patient, @Nullable Long appointment, LocalDate day, LocalTime arrived, @Nullable Integer waitSeconds,
               int lengthSeconds) {
        token++;
        Instant arrival = at(day, arrived);
        Instant called = waitSeconds == null ? null : arrival.plusSeconds(waitSeconds);
        Instant started = called == null ? null : called.plusSeconds(60);
        Instant finished = started == null ? null : started.plusSeconds(lengthSeconds);
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO queue_entry (public_id, on_date, token_line, token_number, token, line, place, doctor_id,"
                        + " specialty_id, patient_id, initials, appointment_id, lane, status, arrived_at, called_at,"
                        + " started_at, finished_at) VALUES (:id, :day, :line, :n, :token, :line, :n, :d, :s, :p,"
                        + " 'T. P.', :a, 'REGULAR', :status, :arrived, :called, :started, :finished)")
                .param("id", UUID.randomUUID()).param("day", day).param("line", "doctor:" + doctor).param("n", token)
                .param("token", "Q" + doctor + "-" + token).param("d", doctor).param("s", specialty)
                .param("p", patient).param("a", appointment).param("status", called == null ? "LEFT" : "DONE")
                .param("arrived", Timestamp.from(arrival)).param("called", ts(called))
                .param("started", ts(started)).param("finished", ts(finished)).update(key, "id");
        return key.getKey().longValue();
    }

    /** A consultation of a visit: started one minute after the call, completed after {@code lengthSeconds}. */
    void consultation(long patient, @Nullable Long entry, @Nullable Long appointment, LocalDate day,
                      LocalDateTime started, int lengthSeconds, boolean completed, @Nullable String diagnosis,
                      @Nullable String code) {
        Instant start = started.atZone(zone).toInstant();
        Instant end = start.plusSeconds(lengthSeconds);
        jdbc.sql("INSERT INTO consultation (public_id, queue_entry_id, appointment_id, patient_id, doctor_id, status,"
                        + " visit_date, started_at, started_by, saved_at, saved_by, completed_at, completed_by,"
                        + " diagnosis, diagnosis_code) VALUES (:id, :e, :a, :p, :d, :status, :day, :start, 'test',"
                        + " :end, 'test', :completed, :by, :diagnosis, :code)")
                .param("id", UUID.randomUUID()).param("e", entry).param("a", appointment).param("p", patient)
                .param("d", doctor).param("status", completed ? "COMPLETED" : "DRAFT").param("day", day)
                .param("start", Timestamp.from(start)).param("end", Timestamp.from(end))
                .param("completed", completed ? Timestamp.from(end) : null).param("by", completed ? "test" : null)
                .param("diagnosis", diagnosis).param("code", code).update();
    }

    Instant at(LocalDate day, LocalTime time) {
        return LocalDateTime.of(day, time).atZone(zone).toInstant();
    }

    private static @Nullable Timestamp ts(@Nullable Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }
}
