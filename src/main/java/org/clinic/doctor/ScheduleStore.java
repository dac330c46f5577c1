package org.clinic.doctor;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Optional;

/** Weekly sessions, date exceptions and clinic holidays, as plain rows. */
@Component
class ScheduleStore {

    private final JdbcClient jdbc;

    ScheduleStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void replaceWeek(long doctorId, List<WorkingSession> sessions) {
        jdbc.sql("DELETE FROM working_session WHERE doctor_id = :d").param("d", doctorId).update();
        for (WorkingSession s : sessions) {
            jdbc.sql("INSERT INTO working_session (doctor_id, weekday, starts_at, ends_at) VALUES (:d, :w, :s, :e)")
                    .param("d", doctorId).param("w", s.day().getValue()).param("s", s.start()).param("e", s.end())
                    .update();
        }
    }

    List<WorkingSession> week(long doctorId) {
        return jdbc.sql("SELECT weekday, starts_at, ends_at FROM working_session WHERE doctor_id = :d"
                        + " ORDER BY weekday, starts_at")
                .param("d", doctorId)
                .query((rs, row) -> new WorkingSession(DayOfWeek.of(rs.getInt(1)), rs.getObject(2, LocalTime.class),
                        rs.getObject(3, LocalTime.class)))
                .list();
    }

    void addLeave(long doctorId, LocalDate date, @Nullable String note) {
        jdbc.sql("INSERT INTO schedule_exception (doctor_id, on_date, kind, note) VALUES (:d, :date, 'LEAVE', :note)")
                .param("d", doctorId).param("date", date).param("note", note).update();
    }

    void addExtraSession(long doctorId, LocalDate date, LocalTime start, LocalTime end, @Nullable String note) {
        jdbc.sql("INSERT INTO schedule_exception (doctor_id, on_date, kind, starts_at, ends_at, note)"
                        + " VALUES (:d, :date, 'EXTRA', :s, :e, :note)")
                .param("d", doctorId).param("date", date).param("s", start).param("e", end).param("note", note).update();
    }

    boolean onLeave(long doctorId, LocalDate date) {
        return jdbc.sql("SELECT COUNT(*) FROM schedule_exception WHERE doctor_id = :d AND on_date = :date"
                        + " AND kind = 'LEAVE'")
                .param("d", doctorId).param("date", date).query(Integer.class).single() > 0;
    }

    List<DaySchedule.Session> extraSessions(long doctorId, LocalDate date) {
        return jdbc.sql("SELECT starts_at, ends_at FROM schedule_exception WHERE doctor_id = :d AND on_date = :date"
                        + " AND kind = 'EXTRA' ORDER BY starts_at")
                .param("d", doctorId).param("date", date)
                .query((rs, row) -> new DaySchedule.Session(rs.getObject(1, LocalTime.class),
                        rs.getObject(2, LocalTime.class)))
                .list();
    }

    void addHoliday(LocalDate date, String name) {
        jdbc.sql("INSERT INTO clinic_holiday (on_date, name) VALUES (:date, :name)")
                .param("date", date).param("name", name).update();
    }

    /** The doctor's leave and extra sessions from a date on, in date and time order. */
    List<DateException> exceptionsFrom(long doctorId, LocalDate from) {
        return jdbc.sql("SELECT id, on_date, kind, starts_at, ends_at, note FROM schedule_exception"
                        + " WHERE doctor_id = :d AND on_date >= :from ORDER BY on_date, starts_at")
                .param("d", doctorId).param("from", from)
                .query((rs, row) -> new DateException(rs.getLong(1), rs.getObject(2, LocalDate.class),
                        DateException.Kind.valueOf(rs.getString(3)), rs.getObject(4, LocalTime.class),
                        rs.getObject(5, LocalTime.class), rs.getString(6)))
                .list();
    }

    boolean removeException(long doctorId, long exceptionId) {
        return jdbc.sql("DELETE FROM schedule_exception WHERE id = :id AND doctor_id = :d")
                .param("id", exceptionId).param("d", doctorId).update() > 0;
    }

    List<ClinicHoliday> holidaysFrom(LocalDate from) {
        return jdbc.sql("SELECT on_date, name FROM clinic_holiday WHERE on_date >= :from ORDER BY on_date")
                .param("from", from)
                .query((rs, row) -> new ClinicHoliday(rs.getObject(1, LocalDate.class), rs.getString(2)))
                .list();
    }

    boolean removeHoliday(LocalDate date) {
        return jdbc.sql("DELETE FROM clinic_holiday WHERE on_date = :date").param("date", date).update() > 0;
    }

    Optional<String> holiday(LocalDate date) {
        return jdbc.sql("SELECT name FROM clinic_holiday WHERE on_date = :date").param("date", date)
                .query(String.class).optional();
    }
}
