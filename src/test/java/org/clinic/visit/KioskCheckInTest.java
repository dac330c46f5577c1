package org.clinic.visit;

import org.clinic.TestClock;
import org.clinic.appointment.AppointmentService;
import org.clinic.appointment.AppointmentSummary;
import org.clinic.doctor.DoctorService;
import org.clinic.doctor.DoctorSummary;
import org.clinic.patient.PatientRecord;
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
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.test.context.support.WithMockUser;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@SpringBootTest
@WithMockUser(username = "kiosk-entrance", roles = "KIOSK")
class KioskCheckInTest {

    @Autowired
    KioskCheckIn kiosk;
    @Autowired
    AppointmentService appointments;
    @Autowired
    StaffAccountService accounts;
    @Autowired
    DoctorService doctors;
    @Autowired
    PatientService patients;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TestClock clock;

    private VisitFixtures fixtures;
    private DoctorSummary doctor;

    @BeforeEach
    void morning() {
        fixtures = new VisitFixtures(accounts, doctors, patients, appointments, jdbc);
        clock.setTimeOfDay(LocalTime.of(9, 0));
        doctor = fixtures.doctor();
    }

    @AfterEach
    void realTime() {
        fixtures.leaveQueues();
        clock.reset();
    }

    @Test
    void a_booking_code_with_the_date_of_birth_checks_in_once_and_a_second_try_shows_the_same_ticket() {
        AppointmentSummary booked = fixtures.book(fixtures.patient(), doctor, today(), LocalTime.of(9, 30));

        KioskResult first = kiosk.typed(booked.bookingCode().toLowerCase(), VisitFixtures.BORN);
        KioskResult second = kiosk.typed(booked.bookingCode(), VisitFixtures.BORN);

        assertThat(first.outcome()).isEqualTo(KioskResult.Outcome.CHECKED_IN);
        assertThat(first.ticket().room()).isEqualTo(doctor.room());
        assertThat(first.ticket().visitLink()).endsWith("/visit/" + booked.visitCode());
        assertThat(second.outcome()).isEqualTo(KioskResult.Outcome.ALREADY_CHECKED_IN);
        assertThat(second.ticket().token()).isEqualTo(first.ticket().token());
        assertThat(fixtures.queueEntries(booked)).isEqualTo(1);
        assertThat(fixtures.status(booked)).isEqualTo("CHECKED_IN");
        assertThat(jdbc.sql("SELECT actor FROM queue_event e JOIN queue_entry q ON q.id = e.entry_id"
                        + " JOIN appointment a ON a.id = q.appointment_id WHERE a.public_id = :id")
                .param("id", booked.id().toString()).query(String.class).single()).isEqualTo("kiosk-entrance");
    }

    @Test
    void the_scanned_visit_link_needs_no_date_of_birth_and_a_scanned_booking_code_asks_for_it() {
        AppointmentSummary booked = fixtures.book(fixtures.patient(), doctor, today(), LocalTime.of(9, 45));

        assertThat(kiosk.scanned(booked.bookingCode()).outcome()).isEqualTo(KioskResult.Outcome.NEEDS_BIRTH_DATE);
        KioskResult result = kiosk.scanned("http://localhost:8080/visit/" + booked.visitCode());

        assertThat(result.outcome()).isEqualTo(KioskResult.Outcome.CHECKED_IN);
        assertThat(fixtures.queueEntries(booked)).isEqualTo(1);
    }

    @Test
    void every_refusal_says_why_and_changes_nothing() {
        PatientRecord patient = fixtures.patient();
        AppointmentSummary today = fixtures.book(patient, doctor, today(), LocalTime.of(10, 0));
        AppointmentSummary afternoon = fixtures.book(fixtures.patient(), doctor, today(), LocalTime.of(15, 0));
        AppointmentSummary tomorrow = fixtures.book(fixtures.patient(), doctor, today().plusDays(1), LocalTime.of(10, 0));
        AppointmentSummary cancelled = fixtures.book(fixtures.patient(), doctor, today(), LocalTime.of(11, 0));
        SystemAuthentication.runAs(Role.RECEPTIONIST, () -> appointments.cancel(cancelled.id(), "Patient phoned"));

        assertThat(kiosk.typed("ZZZZZZZ", VisitFixtures.BORN).message()).isEqualTo(KioskCheckIn.UNKNOWN_CODE);
        assertThat(kiosk.typed(today.bookingCode(), VisitFixtures.BORN.plusDays(1)).message())
                .isEqualTo(KioskCheckIn.WRONG_BIRTH_DATE);
        assertThat(kiosk.typed(today.bookingCode(), null).outcome()).isEqualTo(KioskResult.Outcome.NEEDS_BIRTH_DATE);
        assertThat(kiosk.typed(tomorrow.bookingCode(), VisitFixtures.BORN).message()).contains("This booking is for");
        assertThat(kiosk.scanned("http://localhost:8080/visit/" + cancelled.visitCode()).message()).contains("cancelled");
        KioskResult early = kiosk.scanned("http://localhost:8080/visit/" + afternoon.visitCode());
        assertThat(early.message()).contains("Too early").contains("13:00");
        assertThat(kiosk.scanned("not a code at all").outcome()).isEqualTo(KioskResult.Outcome.REFUSED);

        for (AppointmentSummary untouched : List.of(today, afternoon, tomorrow)) {
            assertThat(fixtures.status(untouched)).isEqualTo("SCHEDULED");
            assertThat(fixtures.queueEntries(untouched)).isZero();
        }
        assertThat(fixtures.status(cancelled)).isEqualTo("CANCELLED");
        assertThat(fixtures.queueEntries(cancelled)).isZero();
        List.of(early).forEach(r -> assertThat(r.message()).doesNotContain(patient.familyName()));
    }

    @Test
    @WithMockUser(username = "kiosk-guessed-at", roles = "KIOSK")
    void a_kiosk_that_fails_too_often_stops_trying_for_a_while_even_for_a_real_code() {
        AppointmentSummary booked = fixtures.book(fixtures.patient(), doctor, today(), LocalTime.of(10, 30));
        for (int i = 0; i < 8; i++) {
            kiosk.typed("ZZZZZZZ", VisitFixtures.BORN);
        }

        KioskResult limited = kiosk.typed(booked.bookingCode(), VisitFixtures.BORN);

        assertThat(limited.outcome()).isEqualTo(KioskResult.Outcome.LIMITED);
        assertThat(fixtures.queueEntries(booked)).isZero();
    }

    @Test
    void two_scans_of_one_code_at_the_same_moment_make_one_queue_entry() throws Exception {
        for (int round = 0; round < 5; round++) {
            AppointmentSummary booked = fixtures.book(fixtures.patient(), doctor, today(),
                    LocalTime.of(12, 0).plusMinutes(15L * round));
            clock.setTimeOfDay(LocalTime.of(11, 0));
            SecurityContext signedIn = SecurityContextHolder.getContext();
            CyclicBarrier together = new CyclicBarrier(2);
            Callable<KioskResult> scan = () -> {
                SecurityContextHolder.setContext(signedIn);
                try {
                    together.await();
                    return kiosk.scanned("https://clinic.example.org/visit/" + booked.visitCode());
                } finally {
                    SecurityContextHolder.clearContext();
                }
            };
            ExecutorService threads = Executors.newFixedThreadPool(2);
            try {
                Future<KioskResult> a = threads.submit(scan);
                Future<KioskResult> b = threads.submit(scan);
                List<KioskResult> results = List.of(a.get(), b.get());
                assertThat(results).extracting(KioskResult::outcome).containsExactlyInAnyOrder(
                        KioskResult.Outcome.CHECKED_IN, KioskResult.Outcome.ALREADY_CHECKED_IN);
                assertThat(results.get(0).ticket().token()).isEqualTo(results.get(1).ticket().token());
            } finally {
                threads.shutdownNow();
            }
            assertThat(fixtures.queueEntries(booked)).isEqualTo(1);
        }
    }

    @Test
    @WithMockUser(username = "grace", roles = "RECEPTIONIST")
    void only_a_kiosk_account_uses_the_kiosk() {
        assertThatThrownBy(() -> kiosk.typed("ZZZZZZZ", VisitFixtures.BORN)).isInstanceOf(AccessDeniedException.class);
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }
}
