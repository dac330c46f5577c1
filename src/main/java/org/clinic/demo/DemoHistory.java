package org.clinic.demo;

import org.clinic.base.ClinicSettings;
import org.clinic.consultation.ConsultationService;
import org.clinic.consultation.DiagnosisCode;
import org.clinic.doctor.DoctorService;
import org.clinic.doctor.DoctorSummary;
import org.clinic.doctor.WorkingSession;
import org.clinic.security.Role;
import org.clinic.security.SystemAuthentication;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The demo clinic's recent past: the last {@value #DAYS} days of the five demo doctors' work (appointments, most
 * completed, some cancelled or missed; check-ins, waits and calls; completed consultations with coded diagnoses),
 * so that reports and statistics have something real to show. Mondays and mornings are busiest, the queue drifts
 * late through a session, and a few walk-ins join. Only in the dev profile, after {@link DemoClinic} (whose doctors
 * and patients it uses); does nothing once any history exists.
 *
 * <p>This is imported demo history, written with plain SQL: the services rightly refuse to book, check in or
 * consult in the past. Every row keeps the schema's rules (one appointment holding a slot, tokens unique per line
 * and day and in the clinic, one consultation per visit, a completed consultation's completion recorded).
 */
@Component
@Profile("dev")
@ConditionalOnProperty(name = "clinic.demo.enabled", havingValue = "true")
@Order(-5) // after DemoClinic (-10)
class DemoHistory implements ApplicationRunner {

    static final int DAYS = 45;

    private static final Logger log = LoggerFactory.getLogger(DemoHistory.class);
    private static final Set<String> DOCTORS = Set.of("dr.chen", "dr.novak", "dr.adeyemi", "dr.haddad",
            "dr.lindqvist");
    private static final Map<DayOfWeek, Double> DEMAND = Map.of(DayOfWeek.MONDAY, 0.95, DayOfWeek.TUESDAY, 0.86,
            DayOfWeek.WEDNESDAY, 0.8, DayOfWeek.THURSDAY, 0.82, DayOfWeek.FRIDAY, 0.7, DayOfWeek.SATURDAY, 0.78,
            DayOfWeek.SUNDAY, 0.55);
    private static final List<String> RECEPTION = List.of("reception", "reception2");

    private record Person(long id, String initials) {
    }

    /** One visit of the day as the queue saw it. */
    private static final class Visit {
        final Person patient;
        final @Nullable Long appointmentId;
        final LocalTime slot;
        final Instant arrived;
        @Nullable String reason;
        int token;
        Instant called = Instant.EPOCH;
        Instant started = Instant.EPOCH;
        Instant finished = Instant.EPOCH;

        Visit(Person patient, @Nullable Long appointmentId, LocalTime slot, Instant arrived, @Nullable String reason) {
            this.patient = patient;
            this.appointmentId = appointmentId;
            this.slot = slot;
            this.arrived = arrived;
            this.reason = reason;
        }
    }

    private final JdbcClient jdbc;
    private final JdbcTemplate batches;
    /** Event rows of the day being written, inserted in two batches at its end (the bulk of all rows). */
    private final List<Object[]> appointmentEvents = new ArrayList<>();
    private final List<Object[]> queueEvents = new ArrayList<>();
    private final DoctorService doctors;
    private final ConsultationService consultations;
    private final ZoneId zone;
    private final Clock clock;
    private final TransactionTemplate transaction;

    DemoHistory(JdbcClient jdbc, JdbcTemplate batches, DoctorService doctors, ConsultationService consultations,
                ClinicSettings settings, Clock clock, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.batches = batches;
        this.doctors = doctors;
        this.consultations = consultations;
        this.zone = settings.timeZone();
        this.clock = clock;
        this.transaction = new TransactionTemplate(transactions);
    }

    @Override
    public void run(ApplicationArguments args) {
        LocalDate today = LocalDate.now(clock.withZone(zone));
        long existing = jdbc.sql("SELECT COUNT(*) FROM appointment WHERE on_date >= :from AND on_date < :today")
                .param("from", today.minusDays(DAYS)).param("today", today).query(Long.class).single();
        List<DoctorSummary> demo = SystemAuthentication.runAs(Role.ADMIN, () -> doctors.doctors()).stream()
                .filter(d -> DOCTORS.contains(d.staffUsername())).sorted(Comparator.comparing(DoctorSummary::room))
                .toList();
        if (existing > 0 || demo.isEmpty()) {
            return;
        }
        long started = System.nanoTime();
        Map<UUID, List<WorkingSession>> weeks = SystemAuthentication.runAs(Role.ADMIN, () -> demo.stream()
                .collect(Collectors.toMap(DoctorSummary::id, d -> doctors.weeklySessions(d.id()))));
        Map<String, String> titles = SystemAuthentication.runAs(Role.DOCTOR, () -> consultations.diagnosisCodes())
                .stream().collect(Collectors.toMap(DiagnosisCode::code, DiagnosisCode::title));
        List<Person> people = jdbc.sql("SELECT id, given_name, family_name FROM patient WHERE status = 'ACTIVE'"
                        + " ORDER BY id")
                .query((rs, n) -> new Person(rs.getLong(1), initials(rs.getString(2), rs.getString(3)))).list();
        if (people.size() < 60) {
            return;
        }
        Random random = new Random(20261202L);
        int[] visits = {0};
        transaction.executeWithoutResult(status -> {
            for (LocalDate day = today.minusDays(DAYS); day.isBefore(today); day = day.plusDays(1)) {
                Set<Long> busy = new HashSet<>();
                for (DoctorSummary doctor : demo) {
                    visits[0] += seedDay(doctor, weeks.get(doctor.id()), day, people, busy, titles, random);
                }
                flushEvents();
            }
        });
        log.info("Demo history: {} visits over the last {} days in {} ms", visits[0], DAYS,
                (System.nanoTime() - started) / 1_000_000);
    }

    private int seedDay(DoctorSummary doctor, List<WorkingSession> week, LocalDate day, List<Person> people,
                        Set<Long> busy, Map<String, String> titles, Random random) {
        List<WorkingSession> sessions = week.stream().filter(s -> s.day() == day.getDayOfWeek())
                .sorted(Comparator.comparing(WorkingSession::start)).toList();
        if (sessions.isEmpty() || random.nextInt(45) == 0) { // not working, or a day of leave
            return 0;
        }
        int slotMinutes = (int) doctor.slotLength().toMinutes();
        double demand = DEMAND.get(day.getDayOfWeek()) * (0.88 + random.nextDouble() * 0.22);
        List<LocalTime> chosen = new ArrayList<>();
        for (int s = 0; s < sessions.size(); s++) {
            double sessionDemand = demand * (s == 0 ? 1.0 : 0.68);
            for (LocalTime t = sessions.get(s).start(); !t.plusMinutes(slotMinutes).isAfter(sessions.get(s).end());
                 t = t.plusMinutes(slotMinutes)) {
                if (random.nextDouble() < sessionDemand) {
                    chosen.add(t);
                }
            }
        }
        while (chosen.size() > doctor.dailyCapacity()) { // the afternoon gives way first
            chosen.remove(chosen.size() - 1 - random.nextInt(Math.min(3, chosen.size())));
        }
        long specialty = doctor.specialty().internalId();
        List<Visit> arrivals = new ArrayList<>();
        int holding = 0;
        for (LocalTime slot : chosen) {
            Person patient = pickPatient(people, busy, random);
            String reason = DemoComplaints.reason(doctor.specialty().name(), random);
            double fate = random.nextDouble();
            if (fate < 0.075) {
                book(doctor, day, slot, slotMinutes, patient, reason, "CANCELLED", random);
                if (random.nextInt(10) < 4) { // the freed slot was taken again
                    Person second = pickPatient(people, busy, random);
                    arrivals.add(arrive(doctor, day, slot, slotMinutes, second, DemoComplaints.reason(doctor.specialty().name(), random), random));
                    holding++;
                }
            } else if (fate < 0.135) {
                book(doctor, day, slot, slotMinutes, patient, reason, "NO_SHOW", random);
            } else {
                arrivals.add(arrive(doctor, day, slot, slotMinutes, patient, reason, random));
                holding++;
            }
        }
        int walkIns = random.nextInt(day.getDayOfWeek() == DayOfWeek.MONDAY ? 4 : 3);
        for (int i = 0; i < walkIns; i++) {
            WorkingSession session = sessions.getFirst();
            long minutes = Duration.between(session.start(), session.end()).toMinutes();
            LocalTime at = session.start().plusMinutes(random.nextInt((int) Math.max(1, minutes - 30)));
            arrivals.add(new Visit(pickPatient(people, busy, random), null, at, instant(day, at),
                    DemoComplaints.reason(doctor.specialty().name(), random)));
        }
        if (arrivals.isEmpty()) {
            return 0;
        }
        simulateQueue(arrivals, sessions, day, slotMinutes, random);
        String line = "doctor:" + doctor.internalId();
        arrivals.sort(Comparator.comparing(v -> v.arrived));
        for (int i = 0; i < arrivals.size(); i++) {
            arrivals.get(i).token = i + 1;
        }
        for (Visit visit : arrivals) {
            long entry = queueEntry(doctor, specialty, line, day, visit, random);
            consultation(doctor, day, visit, entry, titles, random);
        }
        jdbc.sql("INSERT IGNORE INTO queue_line_day (line, on_date, last_token, last_place) VALUES (:line, :day, :n,"
                        + " :place)").param("line", line).param("day", day).param("n", arrivals.size())
                .param("place", arrivals.size() * 1000L).update();
        jdbc.sql("INSERT IGNORE INTO doctor_day (doctor_id, on_date, capacity, booked) VALUES (:d, :day, :cap, :n)")
                .param("d", doctor.internalId()).param("day", day).param("cap", doctor.dailyCapacity())
                .param("n", Math.min(holding, doctor.dailyCapacity())).update();
        return arrivals.size();
    }

    /** Calls in order of readiness; each waits for the doctor to finish the one before, so a session drifts. */
    private void simulateQueue(List<Visit> visits, List<WorkingSession> sessions, LocalDate day, int slotMinutes,
                               Random random) {
        visits.sort(Comparator.comparing(v -> later(v.arrived, v.appointmentId == null ? v.arrived
                : instant(day, v.slot))));
        Instant free = instant(day, sessions.getFirst().start());
        for (Visit v : visits) {
            Instant ready = v.appointmentId == null ? v.arrived : later(v.arrived, instant(day, v.slot));
            for (WorkingSession s : sessions) { // after a break the doctor starts again at the session's start
                if (!v.slot.isBefore(s.start()) && free.isBefore(instant(day, s.start()))) {
                    free = instant(day, s.start());
                }
            }
            v.called = later(ready, free).plusSeconds(15 + random.nextInt(75));
            v.started = v.called.plusSeconds(30 + random.nextInt(60));
            // mostly within the slot; now and then one runs long, and the session behind it drifts
            double length = slotMinutes * (0.45 + random.nextDouble() * 0.45 + (random.nextInt(8) == 0 ? 0.6 : 0));
            v.finished = v.started.plusSeconds(Math.round(length * 60));
            free = v.finished;
        }
    }

    private Visit arrive(DoctorSummary doctor, LocalDate day, LocalTime slot, int slotMinutes, Person patient,
                         @Nullable String reason, Random random) {
        // most come early, a few a little late
        int early = random.nextInt(10) == 0 ? -random.nextInt(10) : 2 + random.nextInt(14);
        Instant arrived = instant(day, slot).minusSeconds(early * 60L + random.nextInt(60));
        long id = book(doctor, day, slot, slotMinutes, patient, reason, "COMPLETED", random);
        return new Visit(patient, id, slot, arrived, reason);
    }

    /** The appointment and its booking event; cancellations and no-shows get their closing event here too. */
    private long book(DoctorSummary doctor, LocalDate day, LocalTime slot, int slotMinutes, Person patient,
                      @Nullable String reason, String status, Random random) {
        Instant bookedAt = instant(day.minusDays(1 + random.nextInt(20)), LocalTime.of(8 + random.nextInt(9),
                random.nextInt(60)));
        String by = RECEPTION.get(random.nextInt(RECEPTION.size()));
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO appointment (public_id, request_id, patient_id, doctor_id, on_date, starts_at, ends_at,"
                        + " kind, reason, status, booked_at, booked_by, version) VALUES (:id, :request, :patient,"
                        + " :doctor, :day, :start, :end, :kind, :reason, :status, :at, :by, 3)")
                .param("id", UUID.randomUUID()).param("request", UUID.randomUUID()).param("patient", patient.id())
                .param("doctor", doctor.internalId()).param("day", day).param("start", slot)
                .param("end", slot.plusMinutes(slotMinutes)).param("kind", random.nextInt(3) == 0 ? "FOLLOW_UP" : "NEW")
                .param("reason", reason).param("status", status).param("at", Timestamp.from(bookedAt))
                .param("by", by).update(key, "id");
        long id = key.getKey().longValue();
        event(id, bookedAt, by, null, "SCHEDULED", null);
        if (status.equals("CANCELLED")) {
            Instant at = bookedAt.plus(Duration.between(bookedAt, instant(day, slot)).dividedBy(2 + random.nextInt(3)));
            event(id, at, RECEPTION.get(random.nextInt(RECEPTION.size())), "SCHEDULED", "CANCELLED",
                    random.nextBoolean() ? "Patient called to cancel" : "Patient feeling better");
        } else if (status.equals("NO_SHOW")) {
            event(id, instant(day, slot).plusSeconds(1800 + random.nextInt(1200)),
                    RECEPTION.get(random.nextInt(RECEPTION.size())), "SCHEDULED", "NO_SHOW", "Did not arrive");
        }
        return id;
    }

    private long queueEntry(DoctorSummary doctor, long specialty, String line, LocalDate day, Visit v, Random random) {
        boolean senior = random.nextInt(14) == 0;
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO queue_entry (public_id, on_date, token_line, token_number, token, line, place,"
                        + " doctor_id, specialty_id, patient_id, initials, appointment_id, lane, priority_reason,"
                        + " visit_reason, status, skips, arrived_at, called_at, started_at, finished_at, version)"
                        + " VALUES (:id, :day, :line, :n, :token, :line, :place, :doctor, :specialty, :patient,"
                        + " :initials, :appointment, :lane, :why, :reason, 'DONE', 0, :arrived, :called, :started,"
                        + " :finished, 3)")
                .param("id", UUID.randomUUID()).param("day", day).param("line", line).param("n", v.token)
                .param("token", doctor.room() + "-" + String.format("%03d", v.token)).param("place", v.token * 1000L)
                .param("doctor", doctor.internalId()).param("specialty", specialty)
                .param("patient", v.patient.id()).param("initials", v.patient.initials())
                .param("appointment", v.appointmentId).param("lane", senior ? "SENIOR" : "REGULAR")
                .param("why", senior ? "Aged over 80" : null).param("reason", v.reason)
                .param("arrived", Timestamp.from(v.arrived)).param("called", Timestamp.from(v.called))
                .param("started", Timestamp.from(v.started)).param("finished", Timestamp.from(v.finished))
                .update(key, "id");
        long id = key.getKey().longValue();
        String desk = RECEPTION.get(random.nextInt(RECEPTION.size()));
        queueEvent(id, day, line, v.appointmentId == null ? "WALK_IN" : "CHECK_IN", v.arrived, desk, 0);
        queueEvent(id, day, line, "CALL", v.called, doctor.staffUsername(), 1);
        queueEvent(id, day, line, "START", v.started, doctor.staffUsername(), 2);
        queueEvent(id, day, line, "FINISH", v.finished, doctor.staffUsername(), 3);
        if (v.appointmentId != null) {
            event(v.appointmentId, v.arrived, desk, "SCHEDULED", "CHECKED_IN", null);
            event(v.appointmentId, v.started, doctor.staffUsername(), "CHECKED_IN", "IN_CONSULTATION", null);
            event(v.appointmentId, v.finished, doctor.staffUsername(), "IN_CONSULTATION", "COMPLETED", null);
        }
        return id;
    }

    private void consultation(DoctorSummary doctor, LocalDate day, Visit v, long entry, Map<String, String> titles,
                              Random random) {
        @Nullable String code = DemoComplaints.diagnosis(doctor.specialty().name(), random);
        String title = titles.getOrDefault(code, null);
        if (title == null) {
            code = null;
        }
        int systolic = 108 + random.nextInt(48);
        boolean vitals = random.nextInt(5) != 0;
        jdbc.sql("INSERT INTO consultation (public_id, queue_entry_id, appointment_id, patient_id, doctor_id, status,"
                        + " visit_date, started_at, started_by, saved_at, saved_by, completed_at, completed_by,"
                        + " systolic, diastolic, pulse, temperature, spo2, chief_complaint, examination_notes,"
                        + " diagnosis, diagnosis_code, advice, version) VALUES (:id, :entry, :appointment, :patient,"
                        + " :doctor, 'COMPLETED', :day, :started, :by, :finished, :by, :finished, :by, :sys, :dia,"
                        + " :pulse, :temp, :spo2, :complaint, :exam, :diagnosis, :code, :advice, 2)")
                .param("id", UUID.randomUUID()).param("entry", entry).param("appointment", v.appointmentId)
                .param("patient", v.patient.id()).param("doctor", doctor.internalId()).param("day", day)
                .param("started", Timestamp.from(v.started)).param("finished", Timestamp.from(v.finished))
                .param("by", doctor.staffUsername())
                .param("sys", vitals ? systolic : null).param("dia", vitals ? systolic - 38 - random.nextInt(12) : null)
                .param("pulse", vitals ? 58 + random.nextInt(40) : null)
                .param("temp", vitals ? new java.math.BigDecimal(36.2 + random.nextInt(20) / 10.0)
                        .setScale(1, java.math.RoundingMode.HALF_UP) : null)
                .param("spo2", vitals ? 94 + random.nextInt(6) : null)
                .param("complaint", v.reason == null ? "Review" : v.reason)
                .param("exam", "Examined; findings in keeping with the diagnosis")
                .param("diagnosis", title == null ? "Review, no new findings" : title).param("code", code)
                .param("advice", "Advice given; return if symptoms worsen").update();
    }

    private void event(long appointment, Instant at, String actor, @Nullable String from, String to,
                       @Nullable String note) {
        appointmentEvents.add(new Object[]{appointment, Timestamp.from(at), actor, from, to, note});
    }

    private void queueEvent(long entry, LocalDate day, String line, String action, Instant at, String actor,
                            long version) {
        queueEvents.add(new Object[]{entry, day, line, action, Timestamp.from(at), actor, version});
    }

    private void flushEvents() {
        batches.batchUpdate("INSERT INTO appointment_event (appointment_id, occurred_at, actor, from_status,"
                + " to_status, note) VALUES (?, ?, ?, ?, ?, ?)", appointmentEvents);
        batches.batchUpdate("INSERT INTO queue_event (entry_id, on_date, line, action, occurred_at, actor,"
                + " entry_version) VALUES (?, ?, ?, ?, ?, ?, ?)", queueEvents);
        appointmentEvents.clear();
        queueEvents.clear();
    }

    /** A patient not yet seen anywhere in the clinic that day. */
    private static Person pickPatient(List<Person> people, Set<Long> busy, Random random) {
        for (int attempt = 0; attempt < 50; attempt++) {
            Person p = people.get(random.nextInt(people.size()));
            if (busy.add(p.id())) {
                return p;
            }
        }
        return people.stream().filter(p -> busy.add(p.id())).findFirst().orElseThrow();
    }

    private Instant instant(LocalDate day, LocalTime time) {
        return LocalDateTime.of(day, time).atZone(zone).toInstant();
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static String initials(String given, String family) {
        return (given.substring(0, 1) + ". " + family.substring(0, 1) + ".").toUpperCase(java.util.Locale.ROOT);
    }
}
