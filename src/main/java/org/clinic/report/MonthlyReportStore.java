package org.clinic.report;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

/** The generated reports: one row per doctor and month, kept once whatever reruns or nodes. */
@Component
class MonthlyReportStore {

    record Row(long doctorId, YearMonth month, Instant generatedAt, int booked, int completed, int consultations) {
    }

    private final JdbcClient jdbc;

    MonthlyReportStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Records the month's report unless it exists; false when it did (another run or node was first). */
    boolean insertIfAbsent(long doctorId, YearMonth month, MonthlyFigures f, Instant at) {
        return jdbc.sql("INSERT IGNORE INTO monthly_report (doctor_id, month, generated_at, appointments_booked,"
                        + " appointments_completed, appointments_cancelled, appointments_no_show, unique_patients,"
                        + " consultations, wait_average_seconds, wait_p90_seconds, consultation_average_seconds,"
                        + " consultation_p90_seconds) VALUES (:doctor, :month, :at, :booked, :completed, :cancelled,"
                        + " :noShow, :patients, :consultations, :waitAvg, :waitP90, :lengthAvg, :lengthP90)")
                .param("doctor", doctorId).param("month", month.atDay(1)).param("at", Timestamp.from(at))
                .param("booked", f.booked()).param("completed", f.completed()).param("cancelled", f.cancelled())
                .param("noShow", f.noShow()).param("patients", f.uniquePatients())
                .param("consultations", f.consultations())
                .param("waitAvg", seconds(f.waitAverage())).param("waitP90", seconds(f.waitP90()))
                .param("lengthAvg", seconds(f.consultationAverage()))
                .param("lengthP90", seconds(f.consultationP90()))
                .update() == 1;
    }

    /** Doctors (internal ids) whose report for the month exists. */
    List<Long> doctorsWithReport(YearMonth month) {
        return jdbc.sql("SELECT doctor_id FROM monthly_report WHERE month = :month")
                .param("month", month.atDay(1)).query(Long.class).list();
    }

    /** The newest reports first. */
    List<Row> latest(int limit) {
        return jdbc.sql("SELECT doctor_id, month, generated_at, appointments_booked, appointments_completed,"
                        + " consultations FROM monthly_report ORDER BY month DESC, generated_at DESC, id LIMIT :limit")
                .param("limit", limit)
                .query((rs, n) -> new Row(rs.getLong(1), YearMonth.from(rs.getObject(2, LocalDate.class)),
                        rs.getTimestamp(3).toInstant(), rs.getInt(4), rs.getInt(5), rs.getInt(6)))
                .list();
    }

    private static @Nullable Long seconds(@Nullable Duration duration) {
        return duration == null ? null : duration.toSeconds();
    }
}
