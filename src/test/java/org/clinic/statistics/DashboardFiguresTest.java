package org.clinic.statistics;

import org.clinic.TestClock;
import org.clinic.appointment.AppointmentKind;
import org.clinic.appointment.AppointmentService;
import org.clinic.appointment.AppointmentSummary;
import org.clinic.appointment.AppointmentsChanged;
import org.clinic.appointment.BookAppointment;
import org.clinic.appointment.TestClinic;
import org.clinic.doctor.DoctorService;
import org.clinic.doctor.DoctorSummary;
import org.clinic.patient.PatientService;
import org.clinic.queue.QueueService;
import org.clinic.security.Role;
import org.clinic.security.StaffAccountService;
import org.clinic.security.SystemAuthentication;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@SpringBootTest
class DashboardFiguresTest {

    @Autowired
    DashboardService dashboard;
    @Autowired
    StatisticsQueries queries;
    @Autowired
    StatisticsCaches caches;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    StaffAccountService accounts;
    @Autowired
    DoctorService doctors;
    @Autowired
    PatientService patients;
    @Autowired
    AppointmentService appointments;
    @Autowired
    QueueService queue;
    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    TestClock clock;

    private TestClinic clinic;

    @BeforeEach
    void morning() {
        clinic = new TestClinic(accounts, doctors, patients);
        clock.setTimeOfDay(LocalTime.of(9, 0));
    }

    @AfterEach
    void real_time() {
        clock.reset();
    }

    @Test
    void the_figures_of_a_prepared_day_equal_a_hand_count_in_sql() {
        LocalDate day = LocalDate.of(2001, 1, 1).plusDays(ThreadLocalRandom.current().nextInt(5_000));
        DoctorSummary doctor = clinic.doctor(LocalTime.of(8, 0), LocalTime.of(18, 0), 10, 40);
        long doctorId = doctor.internalId();
        long specialty = jdbc.sql("SELECT specialty_id FROM doctor WHERE id = ?").param(doctorId).query(Long.class).single();
        List<Long> people = clinic.patients(12).stream().map(id -> jdbc.sql("SELECT id FROM patient WHERE public_id = ?")
                .param(id).query(Long.class).single()).toList();
        PreparedDay prepared = new PreparedDay(jdbc, day);
        prepared.appointment(doctorId, people.get(0), "CANCELLED");
        prepared.appointment(doctorId, people.get(1), "NO_SHOW"); // never came
        prepared.appointment(doctorId, people.get(2), "SCHEDULED"); // not here yet
        prepared.visit(doctorId, specialty, people.get(3), prepared.appointment(doctorId, people.get(3), "CHECKED_IN"),
                "WAITING", "09:00", null);
        prepared.visit(doctorId, specialty, people.get(4), prepared.appointment(doctorId, people.get(4), "CHECKED_IN"),
                "CALLED", "08:40", "09:05"); // waited 25 min
        prepared.visit(doctorId, specialty, people.get(5),
                prepared.appointment(doctorId, people.get(5), "IN_CONSULTATION"), "IN_CONSULTATION", "08:30", "08:50"); // 20
        prepared.visit(doctorId, specialty, people.get(6), prepared.appointment(doctorId, people.get(6), "COMPLETED"),
                "DONE", "08:00", "08:10"); // 10
        prepared.visit(doctorId, specialty, people.get(7), prepared.appointment(doctorId, people.get(7), "COMPLETED"),
                "DONE", "08:05", "08:45"); // 40
        prepared.visit(doctorId, specialty, people.get(8), prepared.appointment(doctorId, people.get(8), "NO_SHOW"),
                "NO_SHOW", "08:20", null); // checked in, then missed three calls
        prepared.visit(doctorId, specialty, people.get(9), null, "DONE", "09:10", "09:20"); // a walk-in, 10
        prepared.visit(doctorId, specialty, people.get(10), null, "NO_SHOW", "09:15", null); // a walk-in who left
        prepared.visit(null, specialty, people.get(11), null, "WAITING", "09:30", null); // the specialty's walk-in queue

        Today today = queries.today(day, caches.todayGeneration());

        DoctorToday row = today.doctors().stream().filter(r -> r.name().equals(doctor.displayName())).findFirst()
                .orElseThrow();
        // what the day was made of, counted by hand
        assertThat(row.booked()).isEqualTo(8);
        assertThat(row.checkedIn()).isEqualTo(8);
        assertThat(row.waiting()).isEqualTo(2);
        assertThat(row.inConsultation()).isEqualTo(1);
        assertThat(row.seen()).isEqualTo(3);
        assertThat(row.noShows()).isEqualTo(3);
        assertThat(row.averageWait()).contains(Duration.ofMinutes(21)); // (25 + 20 + 10 + 40 + 10) / 5
        assertThat(row.longestCalledWait()).isEqualTo(40 * 60);
        // and counted again in SQL
        assertThat(row.booked()).isEqualTo(count("SELECT COUNT(*) FROM appointment WHERE on_date = ? AND doctor_id = ?"
                + " AND status <> 'CANCELLED'", day, doctorId));
        assertThat(row.checkedIn()).isEqualTo(count("SELECT COUNT(*) FROM queue_entry WHERE on_date = ? AND doctor_id = ?",
                day, doctorId));
        assertThat(row.waiting()).isEqualTo(count("SELECT COUNT(*) FROM queue_entry WHERE on_date = ? AND doctor_id = ?"
                + " AND status IN ('WAITING', 'CALLED')", day, doctorId));
        assertThat(row.seen()).isEqualTo(count("SELECT COUNT(*) FROM queue_entry WHERE on_date = ? AND doctor_id = ?"
                + " AND status = 'DONE'", day, doctorId));
        assertThat(row.noShows()).isEqualTo(count("SELECT COUNT(*) FROM appointment WHERE on_date = ? AND doctor_id = ?"
                + " AND status = 'NO_SHOW'", day, doctorId) + count("SELECT COUNT(*) FROM queue_entry WHERE on_date = ?"
                + " AND doctor_id = ? AND status = 'NO_SHOW' AND appointment_id IS NULL", day, doctorId));
        assertThat(row.averageWait().orElseThrow().toSeconds()).isEqualTo(count("SELECT ROUND(AVG(TIMESTAMPDIFF(SECOND,"
                + " arrived_at, called_at))) FROM queue_entry WHERE on_date = ? AND doctor_id = ?", day, doctorId));
        assertThat(row.waitingSince()).isEqualTo(Instant.ofEpochSecond(count("SELECT UNIX_TIMESTAMP(MIN(arrived_at))"
                + " FROM queue_entry WHERE on_date = ? AND doctor_id = ? AND status = 'WAITING'", day, doctorId)));

        DoctorToday walkIns = today.doctors().stream().filter(r -> r.name().equals("Walk-ins")).findFirst().orElseThrow();
        assertThat(walkIns.checkedIn()).isEqualTo(1);
        assertThat(walkIns.waiting()).isEqualTo(1);
        assertThat(Duration.between(row.waitingSince(), walkIns.waitingSince())).isEqualTo(Duration.ofMinutes(30));

        DoctorToday total = today.total();
        assertThat(today.doctors()).hasSize(2);
        assertThat(total.booked()).isEqualTo(count("SELECT COUNT(*) FROM appointment WHERE on_date = ?"
                + " AND status <> 'CANCELLED'", day));
        assertThat(total.checkedIn()).isEqualTo(9).isEqualTo(count("SELECT COUNT(*) FROM queue_entry WHERE on_date = ?", day));
        assertThat(total.waiting()).isEqualTo(3);
        // longest so far at 10:00 that day: the specialty walk-in has waited 30 min, patient 4 waited 40 before the call
        assertThat(total.longestWait(row.waitingSince().plus(Duration.ofMinutes(60)))).contains(Duration.ofMinutes(60));

        History history = queries.history(day.minusDays(1), day.plusDays(1), caches.historyGeneration());
        assertThat(history.days()).extracting(DayHistory::date).containsExactly(day.minusDays(1), day, day.plusDays(1));
        DayHistory theDay = history.days().get(1);
        assertThat(theDay.visits()).isEqualTo(3).isEqualTo(count("SELECT COUNT(*) FROM appointment WHERE on_date = ?"
                + " AND status = 'COMPLETED'", day) + count("SELECT COUNT(*) FROM queue_entry WHERE on_date = ?"
                + " AND status = 'DONE' AND appointment_id IS NULL", day));
        assertThat(theDay.noShowRate()).contains(2.0 / 8);
        assertThat(theDay.averageWait()).contains(Duration.ofMinutes(21));
        assertThat(history.days().get(0).visits()).isZero();
        String specialtyName = doctor.specialty().name();
        assertThat(history.bySpecialty()).filteredOn(s -> s.name().equals(specialtyName)).singleElement()
                .satisfies(s -> {
                    assertThat(s.visits()).isEqualTo(3);
                    assertThat(s.noShows()).isEqualTo(2);
                    assertThat(s.booked()).isEqualTo(8);
                });
    }

    @Test
    void a_check_in_drops_todays_cached_figures_and_nothing_else_does() {
        DoctorSummary doctor = clinic.doctor(LocalTime.of(8, 0), LocalTime.of(18, 0), 15, 40);
        UUID patient = clinic.patients(1).getFirst();
        AppointmentSummary booked = SystemAuthentication.runAs(Role.RECEPTIONIST, () -> appointments.book(
                new BookAppointment(UUID.randomUUID(), patient, doctor.id(), LocalDate.now(clock), LocalTime.of(9, 30),
                        AppointmentKind.NEW, "Cough")));
        Today before = asAdmin(dashboard::today);
        History history = asAdmin(dashboard::lastThirtyDays);
        assertThat(row(before, doctor).booked()).isEqualTo(1);

        // A change behind the application's back publishes no event: the figures stay cached.
        long patientId = jdbc.sql("SELECT patient_id FROM appointment WHERE public_id = ?").param(booked.id())
                .query(Long.class).single();
        new PreparedDay(jdbc, LocalDate.now(clock)).appointment(doctor.internalId(), patientId, "SCHEDULED");
        assertThat(asAdmin(dashboard::today)).isSameAs(before);

        SystemAuthentication.runAs(Role.RECEPTIONIST, () -> queue.checkIn(booked.id()));

        Today after = asAdmin(dashboard::today);
        assertThat(after).isNotSameAs(before);
        assertThat(row(after, doctor).checkedIn()).isEqualTo(1);
        assertThat(row(after, doctor).waiting()).isEqualTo(1);
        assertThat(row(after, doctor).booked()).isEqualTo(2);
        assertThat(after.total().checkedIn()).isEqualTo(before.total().checkedIn() + 1);
        assertThat(asAdmin(dashboard::today)).isSameAs(after);
        assertThat(asAdmin(dashboard::lastThirtyDays)).as("today's change leaves the history cached").isSameAs(history);
    }

    @Test
    void a_change_of_a_past_day_drops_the_history_but_not_today() {
        Today today = asAdmin(dashboard::today);
        History history = asAdmin(dashboard::lastThirtyDays);

        events.publishEvent(new AppointmentsChanged(UUID.randomUUID(), LocalDate.now(clock).minusDays(3), UUID.randomUUID()));

        assertThat(asAdmin(dashboard::lastThirtyDays)).isNotSameAs(history);
        assertThat(asAdmin(dashboard::today)).isSameAs(today);
        assertThat(caches.size(StatisticsCaches.HISTORY)).isEqualTo(1);
    }

    @Test
    void only_administrators_see_the_dashboard() {
        for (Role role : List.of(Role.RECEPTIONIST, Role.DOCTOR, Role.DISPLAY)) {
            assertThatThrownBy(() -> SystemAuthentication.runAs(role, dashboard::today))
                    .isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> SystemAuthentication.runAs(role, dashboard::lastThirtyDays))
                    .isInstanceOf(AccessDeniedException.class);
        }
    }

    private static DoctorToday row(Today today, DoctorSummary doctor) {
        return today.doctors().stream().filter(r -> r.name().equals(doctor.displayName())).findFirst().orElseThrow();
    }

    private static <T> T asAdmin(java.util.function.Supplier<T> work) {
        return SystemAuthentication.runAs(Role.ADMIN, work);
    }

    private long count(String sql, Object... params) {
        return jdbc.sql(sql).params(params).query(Long.class).single();
    }
}
