package org.clinic.queue;

import org.clinic.TestClock;
import org.clinic.appointment.AppointmentKind;
import org.clinic.appointment.AppointmentService;
import org.clinic.appointment.AppointmentSummary;
import org.clinic.appointment.BookAppointment;
import org.clinic.appointment.TestClinic;
import org.clinic.base.RuleViolation;
import org.clinic.doctor.DoctorService;
import org.clinic.doctor.DoctorSummary;
import org.clinic.patient.PatientService;
import org.clinic.security.Role;
import org.clinic.security.StaffAccountService;
import org.clinic.security.SystemAuthentication;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/** Real threads against MariaDB: tokens and places never collide, and an appointment joins the queue once. */
@SpringBootTest
@org.springframework.security.test.context.support.WithMockUser(username = "grace", roles = "RECEPTIONIST")
class QueueConcurrencyTest {

    @Autowired
    QueueService queue;

    @Autowired

    QueueBoards boards;
    @Autowired
    AppointmentService appointments;
    @Autowired
    StaffAccountService accounts;
    @Autowired
    DoctorService doctors;
    @Autowired
    PatientService patients;
    @Autowired
    TestClock clock;
    @Autowired
    JdbcClient jdbc;

    private TestClinic clinic;

    @BeforeEach
    void morning() {
        clinic = new TestClinic(accounts, doctors, patients);
        clock.setTimeOfDay(LocalTime.of(7, 0));
    }

    @AfterEach
    void realTime() {
        clock.reset();
    }

    @Test
    void two_hundred_simultaneous_check_ins_across_five_doctors_never_share_a_token_or_a_place() throws Exception {
        List<DoctorSummary> five = new ArrayList<>();
        for (int d = 0; d < 5; d++) {
            five.add(clinic.doctor(LocalTime.of(7, 0), LocalTime.of(13, 0), 5, 60));
        }
        List<UUID> people = clinic.patients(200);
        List<UUID> booked = SystemAuthentication.runAs(Role.RECEPTIONIST, () -> {
            List<UUID> ids = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                ids.add(appointments.book(new BookAppointment(UUID.randomUUID(), people.get(i), five.get(i % 5).id(),
                        LocalDate.now(clock), LocalTime.of(7, 5).plusMinutes(5L * (i / 5)), AppointmentKind.NEW, null))
                        .id());
            }
            return ids;
        });
        clock.setTimeOfDay(LocalTime.of(10, 30)); // every appointment is within its check-in window

        List<Outcome> outcomes = race(200, i -> () -> queue.checkIn(booked.get(i)).token());

        assertThat(outcomes).allSatisfy(o -> assertThat(o.error()).isNull());
        assertThat(outcomes.stream().map(Outcome::token).distinct()).hasSize(200);
        for (DoctorSummary doctor : five) {
            assertThat(boards.board(doctor.id()).waiting()).hasSize(40);
        }
        assertThat(jdbc.sql("SELECT COUNT(*) FROM (SELECT token_line, on_date, token_number FROM queue_entry"
                + " GROUP BY token_line, on_date, token_number HAVING COUNT(*) > 1) x").query(Integer.class).single())
                .isZero();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM (SELECT line, on_date, place FROM queue_entry"
                + " GROUP BY line, on_date, place HAVING COUNT(*) > 1) x").query(Integer.class).single()).isZero();
    }

    @Test
    void five_simultaneous_check_ins_of_one_appointment_give_one_queue_entry() throws Exception {
        for (int round = 0; round < 5; round++) {
            clock.setTimeOfDay(LocalTime.of(7, 0));
            DoctorSummary doctor = clinic.doctor(LocalTime.of(7, 0), LocalTime.of(13, 0), 15, 20);
            UUID patient = clinic.patients(1).getFirst();
            AppointmentSummary appointment = SystemAuthentication.runAs(Role.RECEPTIONIST, () -> appointments.book(
                    new BookAppointment(UUID.randomUUID(), patient, doctor.id(), LocalDate.now(clock),
                            LocalTime.of(8, 0), AppointmentKind.NEW, null)));

            List<Outcome> outcomes = race(5, i -> () -> queue.checkIn(appointment.id()).token());

            assertThat(outcomes.stream().filter(o -> o.token() != null)).hasSize(1);
            assertThat(outcomes.stream().filter(o -> o.error() != null))
                    .hasSize(4).allSatisfy(o -> assertThat(o.error()).contains("already checked in"));
            assertThat(jdbc.sql("SELECT COUNT(*) FROM queue_entry e JOIN appointment a ON a.id = e.appointment_id"
                    + " WHERE a.public_id = :a").param("a", appointment.id().toString()).query(Integer.class).single())
                    .isEqualTo(1);
        }
    }

    record Outcome(String token, String error) {
    }

    private List<Outcome> race(int threads, java.util.function.IntFunction<Callable<String>> attempt) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads, 32));
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Outcome>> futures = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            Callable<String> work = attempt.apply(i);
            futures.add(pool.submit(() -> {
                start.await();
                return SystemAuthentication.runAs(Role.RECEPTIONIST, () -> {
                    try {
                        return new Outcome(work.call(), null);
                    } catch (RuleViolation refused) {
                        return new Outcome(null, refused.getMessage());
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                });
            }));
        }
        start.countDown();
        List<Outcome> outcomes = new ArrayList<>();
        for (Future<Outcome> future : futures) {
            outcomes.add(future.get());
        }
        pool.shutdown();
        return outcomes;
    }
}
