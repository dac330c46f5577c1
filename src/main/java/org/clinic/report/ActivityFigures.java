package org.clinic.report;

import org.clinic.base.ClinicSettings;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Every figure of a monthly report, and the only place that knows how they are counted. Each query reads the tables
 * the appointment, queue and consultation modules keep, restricted by the visit's clinic-local date (so months
 * follow the clinic's calendar), through an index on (doctor, date) or, for the clinic total, on the date.
 */
@Component
class ActivityFigures {

    static final int TOP_DIAGNOSES = 5;

    private final JdbcClient jdbc;
    private final ClinicSettings settings;

    ActivityFigures(JdbcClient jdbc, ClinicSettings settings) {
        this.jdbc = jdbc;
        this.settings = settings;
    }

    /** The figures for visits from {@code from} up to but excluding {@code until}; a null doctor means all. */
    MonthlyFigures of(@Nullable Long doctorId, LocalDate from, LocalDate until) {
        String byDoctor = doctorId == null ? "" : " AND doctor_id = :doctor";
        int[] appointments = jdbc.sql("SELECT COUNT(*), COALESCE(SUM(status = 'COMPLETED'), 0),"
                        + " COALESCE(SUM(status = 'CANCELLED'), 0), COALESCE(SUM(status = 'NO_SHOW'), 0)"
                        + " FROM appointment WHERE on_date >= :from AND on_date < :until" + byDoctor)
                .params(params(doctorId, from, until))
                .query((rs, n) -> new int[]{rs.getInt(1), rs.getInt(2), rs.getInt(3), rs.getInt(4)}).single();
        int[] consultations = jdbc.sql("SELECT COUNT(*), COUNT(DISTINCT patient_id) FROM consultation"
                        + " WHERE visit_date >= :from AND visit_date < :until AND status = 'COMPLETED'" + byDoctor)
                .params(params(doctorId, from, until))
                .query((rs, n) -> new int[]{rs.getInt(1), rs.getInt(2)}).single();
        List<Long> waits = jdbc.sql("SELECT TIMESTAMPDIFF(SECOND, arrived_at, called_at) FROM queue_entry"
                        + " WHERE on_date >= :from AND on_date < :until AND called_at IS NOT NULL" + byDoctor)
                .params(params(doctorId, from, until)).query(Long.class).list();
        List<Long> lengths = jdbc.sql("SELECT TIMESTAMPDIFF(SECOND, started_at, completed_at) FROM consultation"
                        + " WHERE visit_date >= :from AND visit_date < :until AND status = 'COMPLETED'"
                        + " AND queue_entry_id IS NOT NULL" + byDoctor)
                .params(params(doctorId, from, until)).query(Long.class).list();
        // Weekday and hour in the clinic's zone, whatever zone the database session uses.
        int[] weekdays = new int[7];
        int[] hours = new int[24];
        jdbc.sql("SELECT started_at FROM consultation WHERE visit_date >= :from AND visit_date < :until"
                        + " AND status = 'COMPLETED'" + byDoctor)
                .params(params(doctorId, from, until))
                .query((rs, n) -> rs.getTimestamp(1))
                .list()
                .forEach((Timestamp started) -> {
                    ZonedDateTime local = started.toInstant().atZone(settings.timeZone());
                    weekdays[local.getDayOfWeek().getValue() - 1]++;
                    hours[local.getHour()]++;
                });
        List<MonthlyFigures.Diagnosis> diagnoses = jdbc.sql("SELECT diagnosis_code, MIN(diagnosis), COUNT(*) AS n"
                        + " FROM consultation WHERE visit_date >= :from AND visit_date < :until"
                        + " AND status = 'COMPLETED' AND diagnosis_code IS NOT NULL" + byDoctor
                        + " GROUP BY diagnosis_code ORDER BY n DESC, diagnosis_code LIMIT " + TOP_DIAGNOSES)
                .params(params(doctorId, from, until))
                .query((rs, n) -> new MonthlyFigures.Diagnosis(rs.getString(1), rs.getString(2), rs.getInt(3)))
                .list();
        return new MonthlyFigures(appointments[0], appointments[1], appointments[2], appointments[3],
                consultations[1], consultations[0], waits.size(), average(waits), percentile90(waits),
                lengths.size(), average(lengths), percentile90(lengths), list(weekdays), list(hours), diagnoses);
    }

    private static java.util.Map<String, Object> params(@Nullable Long doctorId, LocalDate from, LocalDate until) {
        java.util.Map<String, Object> params = new java.util.HashMap<>();
        params.put("from", from);
        params.put("until", until);
        if (doctorId != null) {
            params.put("doctor", doctorId);
        }
        return params;
    }

    /** The mean, rounded to the second; null for no values. */
    static @Nullable Duration average(List<Long> seconds) {
        if (seconds.isEmpty()) {
            return null;
        }
        long sum = 0;
        for (long s : seconds) {
            sum += s;
        }
        return Duration.ofSeconds(Math.round((double) sum / seconds.size()));
    }

    /** The 90th percentile by the nearest-rank method: the smallest value that 90 % of the values do not exceed. */
    static @Nullable Duration percentile90(List<Long> seconds) {
        if (seconds.isEmpty()) {
            return null;
        }
        long[] sorted = seconds.stream().mapToLong(Long::longValue).sorted().toArray();
        int rank = (int) Math.ceil(0.9 * sorted.length);
        return Duration.ofSeconds(sorted[rank - 1]);
    }

    private static List<Integer> list(int[] values) {
        List<Integer> list = new ArrayList<>(values.length);
        Arrays.stream(values).forEach(list::add);
        return list;
    }
}
