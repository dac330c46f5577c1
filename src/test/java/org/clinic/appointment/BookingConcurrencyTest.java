package org.clinic.appointment;

import org.clinic.doctor.DoctorSummary;
import org.clinic.security.Role;
import org.clinic.security.SystemAuthentication;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.RepeatedTest;
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

/** Real threads against MariaDB: no slot is ever booked twice and no doctor-day exceeds its capacity. */
@SpringBootTest
class BookingConcurrencyTest {

    private static final LocalDate DAY = LocalDate.now().plusDays(3);

    @Autowired
    AppointmentService appointments;
    @Autowired
    org.clinic.security.StaffAccountService accounts;
    @Autowired
    org.clinic.doctor.DoctorService doctorService;
    @Autowired
    org.clinic.patient.PatientService patientService;

    private TestClinic clinic;

    @org.junit.jupiter.api.BeforeEach
    void clinic() {
        clinic = new TestClinic(accounts, doctorService, patientService);
    }
    @Autowired
    JdbcClient jdbc;

    @RepeatedTest(5)
    void fifty_simultaneous_attempts_on_the_last_free_slot_book_it_exactly_once() throws Exception {
        DoctorSummary doctor = clinic.doctor(LocalTime.of(9, 0), LocalTime.of(11, 30), 15, 20); // 10 slots
        List<UUID> patients = clinic.patients(59);
        for (int i = 0; i < 9; i++) {
            book(patients.get(i), doctor, LocalTime.of(9, 0).plusMinutes(15L * i));
        }
        LocalTime last = LocalTime.of(11, 15);

        List<Outcome> outcomes = race(50, i -> () -> book(patients.get(9 + i), doctor, last));

        assertThat(outcomes).filteredOn(o -> o == Outcome.BOOKED).hasSize(1);
        assertThat(outcomes).filteredOn(o -> o == Outcome.SLOT_TAKEN).hasSize(49);
        assertInvariantsHold();
    }

    @RepeatedTest(5)
    void thirty_simultaneous_bookings_for_a_capacity_of_ten_give_exactly_ten() throws Exception {
        DoctorSummary doctor = clinic.doctor(LocalTime.of(8, 0), LocalTime.of(15, 30), 15, 10); // 30 slots
        List<UUID> patients = clinic.patients(30);

        List<Outcome> outcomes = race(30, i -> () -> book(patients.get(i), doctor,
                LocalTime.of(8, 0).plusMinutes(15L * i)));

        assertThat(outcomes).filteredOn(o -> o == Outcome.BOOKED).hasSize(10);
        assertThat(outcomes).filteredOn(o -> o == Outcome.DAY_FULL).hasSize(20);
        assertInvariantsHold();
    }

    @Test
    void the_same_request_submitted_ten_times_at_once_books_once() throws Exception {
        DoctorSummary doctor = clinic.doctor(LocalTime.of(9, 0), LocalTime.of(12, 0), 15, 10);
        UUID patient = clinic.patients(1).getFirst();
        BookAppointment request = new BookAppointment(UUID.randomUUID(), patient, doctor.id(), DAY,
                LocalTime.of(10, 0), AppointmentKind.NEW, "Double click");

        List<Outcome> outcomes = race(10, i -> () -> SystemAuthentication.runAs(Role.RECEPTIONIST, () -> {
            appointments.book(request);
            return Outcome.BOOKED;
        }));

        assertThat(outcomes).containsOnly(Outcome.BOOKED);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM appointment WHERE request_id = :r")
                .param("r", request.requestId().toString()).query(Integer.class).single()).isEqualTo(1);
        assertInvariantsHold();
    }

    @Test
    void one_patient_booked_at_two_doctors_at_the_same_time_at_once_gets_one_appointment() throws Exception {
        DoctorSummary first = clinic.doctor(LocalTime.of(9, 0), LocalTime.of(12, 0), 15, 10);
        DoctorSummary second = clinic.doctor(LocalTime.of(9, 0), LocalTime.of(12, 0), 20, 10);
        UUID patient = clinic.patients(1).getFirst();

        List<Outcome> outcomes = race(2, i -> () -> book(patient, i == 0 ? first : second, LocalTime.of(10, 0)));

        assertThat(outcomes).containsExactlyInAnyOrder(Outcome.BOOKED, Outcome.REFUSED);
    }

    @AfterEach
    void assertInvariantsHold() {
        assertThat(jdbc.sql("SELECT COUNT(*) FROM (SELECT doctor_id, on_date, starts_at FROM appointment"
                + " WHERE status NOT IN ('CANCELLED', 'NO_SHOW') GROUP BY doctor_id, on_date, starts_at"
                + " HAVING COUNT(*) > 1) twice").query(Integer.class).single())
                .as("slots with two active appointments").isZero();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM doctor_day d WHERE d.booked > d.capacity OR d.booked <>"
                + " (SELECT COUNT(*) FROM appointment a WHERE a.doctor_id = d.doctor_id AND a.on_date = d.on_date"
                + " AND a.status NOT IN ('CANCELLED', 'NO_SHOW'))").query(Integer.class).single())
                .as("doctor-days over capacity or with a wrong count").isZero();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM (SELECT a.doctor_id, a.on_date FROM appointment a JOIN doctor d"
                + " ON d.id = a.doctor_id WHERE a.status NOT IN ('CANCELLED', 'NO_SHOW')"
                + " GROUP BY a.doctor_id, a.on_date, d.daily_capacity HAVING COUNT(*) > d.daily_capacity) overbooked")
                .query(Integer.class).single()).as("doctor-days with more appointments than capacity").isZero();
    }

    private Outcome book(UUID patient, DoctorSummary doctor, LocalTime start) {
        return SystemAuthentication.runAs(Role.RECEPTIONIST, () -> {
            try {
                appointments.book(new BookAppointment(UUID.randomUUID(), patient, doctor.id(), DAY, start,
                        AppointmentKind.NEW, null));
                return Outcome.BOOKED;
            } catch (SlotTaken taken) {
                return Outcome.SLOT_TAKEN;
            } catch (org.clinic.base.RuleViolation refused) {
                return refused.getMessage().contains("fully booked") ? Outcome.DAY_FULL : Outcome.REFUSED;
            }
        });
    }

    private static List<Outcome> race(int threads, java.util.function.IntFunction<Callable<Outcome>> attempt)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Outcome>> futures = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                Callable<Outcome> call = attempt.apply(i);
                futures.add(pool.submit(() -> {
                    start.await();
                    return call.call();
                }));
            }
            start.countDown();
            List<Outcome> outcomes = new ArrayList<>();
            for (Future<Outcome> future : futures) {
                outcomes.add(future.get());
            }
            return outcomes;
        } finally {
            pool.shutdownNow();
        }
    }

    enum Outcome { BOOKED, SLOT_TAKEN, DAY_FULL, REFUSED }
}
