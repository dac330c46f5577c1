package org.clinic.queue;

import org.clinic.TestClock;
import org.clinic.appointment.AppointmentKind;
import org.clinic.appointment.AppointmentService;
import org.clinic.appointment.AppointmentSummary;
import org.clinic.appointment.BookAppointment;
import org.clinic.appointment.TestClinic;
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
import org.springframework.security.test.context.support.WithAnonymousUser;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/** Position pages share one read of their line per change, however many are open. */
@SpringBootTest
@WithAnonymousUser
class QueuePositionsTest {

    @Autowired
    QueuePositions positions;
    @Autowired
    QueueService queue;
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
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @BeforeEach
    void morning() {
        clock.setTimeOfDay(LocalTime.of(9, 0));
    }

    @AfterEach
    void realTime() {
        clock.reset();
    }

    @Test
    void forty_open_pages_of_one_line_cost_one_read_after_a_change() throws Exception {
        TestClinic clinic = new TestClinic(accounts, doctors, patients);
        DoctorSummary doctor = clinic.doctor(LocalTime.of(8, 0), LocalTime.of(18, 0), 10, 60);
        List<QueuePlace> pages = new ArrayList<>();
        List<UUID> people = clinic.patients(4);
        for (int i = 0; i < people.size(); i++) {
            UUID patient = people.get(i);
            LocalTime at = LocalTime.of(9, 30).plusMinutes(10L * i);
            AppointmentSummary booked = SystemAuthentication.runAs(Role.RECEPTIONIST, () -> appointments.book(
                    new BookAppointment(UUID.randomUUID(), patient, doctor.id(), LocalDate.now(clock), at,
                            AppointmentKind.NEW, null)));
            SystemAuthentication.runAs(Role.RECEPTIONIST, () -> queue.checkIn(booked.id()));
            QueuePlace place = positions.byVisitCode(booked.visitCode()).orElseThrow();
            for (int copy = 0; copy < 10; copy++) {
                pages.add(place);
            }
        }
        assertThat(pages.getLast().ahead()).isEqualTo(3);

        SystemAuthentication.runAs(Role.ADMIN, () -> queue.callNext(doctor.id()));
        long before = positions.lineReads();
        ExecutorService threads = Executors.newFixedThreadPool(8);
        List<Future<QueuePlace>> refreshed = new ArrayList<>();
        try {
            var signedIn = org.springframework.security.core.context.SecurityContextHolder.getContext();
            for (QueuePlace page : pages) {
                refreshed.add(threads.submit(() -> {
                    org.springframework.security.core.context.SecurityContextHolder.setContext(signedIn);
                    return positions.refresh(page).orElseThrow();
                }));
            }
            List<QueuePlace> now = new ArrayList<>();
            for (Future<QueuePlace> future : refreshed) {
                now.add(future.get());
            }
            assertThat(positions.lineReads() - before).isEqualTo(1);
            assertThat(now.getFirst().status()).isEqualTo(QueueStatus.CALLED);
            assertThat(now.getFirst().room()).isEqualTo(doctor.room());
            assertThat(now.getLast().ahead()).isEqualTo(2);
        } finally {
            threads.shutdownNow();
            jdbc.sql("UPDATE queue_entry SET status = 'LEFT' WHERE doctor_id = :d AND status IN ('WAITING', 'CALLED')")
                    .param("d", doctor.internalId()).update();
        }
    }
}
