package org.clinic.statistics;

import org.springframework.cache.annotation.CacheConfig;
import org.springframework.cache.annotation.Cacheable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.ResultSet;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every query of the dashboard, over the appointment and queue tables the clinic already keeps (read only). Each
 * big-table query is one range of {@code ix_appointment_statistics} or {@code ix_queue_entry_statistics} (V043),
 * read from the index alone; doctors and specialties are a few dozen rows, read whole. All queries of one figure
 * set run in one read-only transaction, so they agree with each other.
 * <p>
 * Results are cached. The {@code generation} arguments are not used by the queries: they are part of the cache key,
 * so a read that began before a change and ends after it is stored under an outdated key and never shown
 * ({@link StatisticsCaches}).
 */
@Component
@CacheConfig(cacheResolver = StatisticsCaches.RESOLVER)
class StatisticsQueries {

    static final String APPOINTMENTS_OF_DAY = """
            SELECT a.doctor_id, SUM(a.status <> 'CANCELLED') AS booked, SUM(a.status = 'NO_SHOW') AS no_shows
            FROM appointment a WHERE a.on_date = :day GROUP BY a.doctor_id""";

    static final String QUEUE_OF_DAY = """
            SELECT q.specialty_id, q.doctor_id, COUNT(*) AS arrived,
                   SUM(q.status IN ('WAITING', 'CALLED')) AS waiting,
                   SUM(q.status = 'IN_CONSULTATION') AS in_consultation,
                   SUM(q.status = 'DONE') AS seen,
                   SUM(q.status = 'NO_SHOW' AND q.appointment_id IS NULL) AS walk_in_no_shows,
                   COUNT(q.called_at) AS called,
                   COALESCE(SUM(TIMESTAMPDIFF(SECOND, q.arrived_at, q.called_at)), 0) AS wait_seconds,
                   COALESCE(MAX(TIMESTAMPDIFF(SECOND, q.arrived_at, q.called_at)), 0) AS longest_wait,
                   MIN(IF(q.status = 'WAITING', FLOOR(UNIX_TIMESTAMP(q.arrived_at)), NULL)) AS waiting_since
            FROM queue_entry q WHERE q.on_date = :day GROUP BY q.specialty_id, q.doctor_id""";

    static final String APPOINTMENTS_OF_DAYS = """
            SELECT a.on_date, a.doctor_id, SUM(a.status <> 'CANCELLED') AS booked,
                   SUM(a.status = 'NO_SHOW') AS no_shows, SUM(a.status = 'COMPLETED') AS completed
            FROM appointment a WHERE a.on_date BETWEEN :from AND :to GROUP BY a.on_date, a.doctor_id""";

    static final String QUEUE_OF_DAYS = """
            SELECT q.on_date, q.specialty_id, SUM(q.status = 'DONE' AND q.appointment_id IS NULL) AS walk_in_visits,
                   COUNT(q.called_at) AS called,
                   COALESCE(SUM(TIMESTAMPDIFF(SECOND, q.arrived_at, q.called_at)), 0) AS wait_seconds
            FROM queue_entry q WHERE q.on_date BETWEEN :from AND :to GROUP BY q.on_date, q.specialty_id""";

    private static final String DOCTORS = "SELECT d.id, d.display_name, d.specialty_id FROM doctor d";
    private static final String SPECIALTIES = "SELECT s.id, s.name FROM specialty s";

    private final JdbcClient jdbc;
    private final TransactionTemplate reading;

    StatisticsQueries(JdbcClient jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.reading = new TransactionTemplate(transactions);
        this.reading.setReadOnly(true);
    }

    @Cacheable(cacheNames = StatisticsCaches.TODAY, key = "{#day, #generation}")
    public Today today(LocalDate day, long generation) {
        return reading.execute(status -> {
            Directory directory = directory();
            Map<Long, int[]> appointments = new HashMap<>(); // doctor → booked, no-shows
            jdbc.sql(APPOINTMENTS_OF_DAY).param("day", day).query((ResultSet rs) -> {
                appointments.put(rs.getLong("doctor_id"), new int[]{rs.getInt("booked"), rs.getInt("no_shows")});
            });
            // Keyed by doctor, or by specialty (negated) for a specialty's walk-in queue.
            Map<Long, DoctorToday> rows = new LinkedHashMap<>();
            jdbc.sql(QUEUE_OF_DAY).param("day", day).query((ResultSet rs) -> {
                long doctor = rs.getLong("doctor_id");
                boolean walkIns = rs.wasNull();
                long specialty = rs.getLong("specialty_id");
                long key = walkIns ? -specialty : doctor;
                int[] booked = walkIns ? null : appointments.remove(doctor);
                long since = rs.getLong("waiting_since");
                Instant waitingSince = rs.wasNull() ? null : Instant.ofEpochSecond(since);
                DoctorToday row = new DoctorToday(
                        walkIns ? "Walk-ins" : directory.doctorName(doctor),
                        directory.specialtyName(walkIns ? specialty : directory.specialtyOf(doctor)),
                        booked == null ? 0 : booked[0], rs.getInt("arrived"), rs.getInt("waiting"),
                        rs.getInt("in_consultation"), rs.getInt("seen"),
                        (booked == null ? 0 : booked[1]) + rs.getInt("walk_in_no_shows"), rs.getInt("called"),
                        rs.getLong("wait_seconds"), rs.getLong("longest_wait"), waitingSince);
                rows.merge(key, row, StatisticsQueries::combine); // a doctor's visits transferred in from another line
            });
            appointments.forEach((doctor, booked) -> rows.put(doctor, new DoctorToday(directory.doctorName(doctor),
                    directory.specialtyName(directory.specialtyOf(doctor)), booked[0], 0, 0, 0, 0, booked[1], 0, 0, 0,
                    null)));
            List<DoctorToday> doctors = new ArrayList<>(rows.values());
            doctors.sort(Comparator.comparing(DoctorToday::specialty).thenComparing(r -> r.name().equals("Walk-ins"))
                    .thenComparing(DoctorToday::name));
            return new Today(day, List.copyOf(doctors), DoctorToday.total("All doctors", doctors));
        });
    }

    @Cacheable(cacheNames = StatisticsCaches.HISTORY, key = "{#from, #to, #generation}")
    public History history(LocalDate from, LocalDate to, long generation) {
        return reading.execute(status -> {
            Directory directory = directory();
            List<String> specialties = directory.sortedSpecialtyNames();
            Map<LocalDate, Day> days = new LinkedHashMap<>();
            for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
                days.put(day, new Day(specialties));
            }
            Map<String, Day> bySpecialty = new LinkedHashMap<>();
            specialties.forEach(name -> bySpecialty.put(name, new Day(specialties)));
            jdbc.sql(APPOINTMENTS_OF_DAYS).param("from", from).param("to", to).query((ResultSet rs) -> {
                String specialty = directory.specialtyName(directory.specialtyOf(rs.getLong("doctor_id")));
                for (Day day : List.of(days.get(rs.getObject("on_date", LocalDate.class)), bySpecialty.computeIfAbsent(specialty, name -> new Day(specialties)))) {
                    day.visits.merge(specialty, rs.getInt("completed"), Integer::sum);
                    day.booked += rs.getInt("booked");
                    day.noShows += rs.getInt("no_shows");
                }
            });
            jdbc.sql(QUEUE_OF_DAYS).param("from", from).param("to", to).query((ResultSet rs) -> {
                String specialty = directory.specialtyName(rs.getLong("specialty_id"));
                for (Day day : List.of(days.get(rs.getObject("on_date", LocalDate.class)), bySpecialty.computeIfAbsent(specialty, name -> new Day(specialties)))) {
                    day.visits.merge(specialty, rs.getInt("walk_in_visits"), Integer::sum);
                    day.called += rs.getInt("called");
                    day.waitSeconds += rs.getLong("wait_seconds");
                }
            });
            List<DayHistory> history = new ArrayList<>();
            days.forEach((date, day) -> history.add(new DayHistory(date,
                    java.util.Collections.unmodifiableMap(day.visits), day.booked, day.noShows,
                    day.called, day.waitSeconds)));
            List<SpecialtyHistory> specialtyHistory = new ArrayList<>();
            bySpecialty.forEach((name, day) -> specialtyHistory.add(new SpecialtyHistory(name,
                    day.visits.values().stream().mapToInt(Integer::intValue).sum(), day.booked, day.noShows, day.called,
                    day.waitSeconds)));
            return new History(from, to, specialties, List.copyOf(history), List.copyOf(specialtyHistory));
        });
    }

    private static DoctorToday combine(DoctorToday a, DoctorToday b) {
        Instant since = a.waitingSince() == null ? b.waitingSince()
                : b.waitingSince() == null || a.waitingSince().isBefore(b.waitingSince()) ? a.waitingSince()
                : b.waitingSince();
        return new DoctorToday(a.name(), a.specialty(), a.booked() + b.booked(), a.checkedIn() + b.checkedIn(),
                a.waiting() + b.waiting(), a.inConsultation() + b.inConsultation(), a.seen() + b.seen(),
                a.noShows() + b.noShows(), a.called() + b.called(), a.waitSeconds() + b.waitSeconds(),
                Math.max(a.longestCalledWait(), b.longestCalledWait()), since);
    }

    private Directory directory() {
        Map<Long, String> specialtyNames = new HashMap<>();
        jdbc.sql(SPECIALTIES).query((ResultSet rs) -> {
            specialtyNames.put(rs.getLong("id"), rs.getString("name"));
        });
        Map<Long, String> doctorNames = new HashMap<>();
        Map<Long, Long> doctorSpecialties = new HashMap<>();
        jdbc.sql(DOCTORS).query((ResultSet rs) -> {
            doctorNames.put(rs.getLong("id"), rs.getString("display_name"));
            doctorSpecialties.put(rs.getLong("id"), rs.getLong("specialty_id"));
        });
        return new Directory(specialtyNames, doctorNames, doctorSpecialties);
    }

    /** Names of doctors and specialties, by internal id. */
    private record Directory(Map<Long, String> specialtyNames, Map<Long, String> doctorNames,
                             Map<Long, Long> doctorSpecialties) {

        String doctorName(long doctor) {
            return doctorNames.getOrDefault(doctor, "Doctor " + doctor);
        }

        long specialtyOf(long doctor) {
            return doctorSpecialties.getOrDefault(doctor, 0L);
        }

        String specialtyName(long specialty) {
            return specialtyNames.getOrDefault(specialty, "Other");
        }

        List<String> sortedSpecialtyNames() {
            return specialtyNames.values().stream().sorted().toList();
        }
    }

    /** A day (or a specialty's thirty days) while its rows are added up. */
    private static final class Day {
        final Map<String, Integer> visits = new LinkedHashMap<>();
        int booked;
        int noShows;
        int called;
        long waitSeconds;

        Day(List<String> specialties) {
            specialties.forEach(name -> visits.put(name, 0));
        }
    }
}
