package org.clinic.visit;

import org.clinic.TestClock;
import org.clinic.appointment.AppointmentService;
import org.clinic.appointment.AppointmentSummary;
import org.clinic.base.VisitCodes;
import org.clinic.doctor.DoctorService;
import org.clinic.doctor.DoctorSummary;
import org.clinic.patient.PatientRecord;
import org.clinic.patient.PatientService;
import org.clinic.queue.Lane;
import org.clinic.queue.QueueService;
import org.clinic.queue.Ticket;
import org.clinic.security.Role;
import org.clinic.security.StaffAccountService;
import org.clinic.security.SystemAuthentication;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.test.context.support.WithAnonymousUser;

import java.time.LocalDate;
import java.time.LocalTime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@SpringBootTest
@WithAnonymousUser
class VisitPositionsTest {

    @Autowired
    VisitPositions positions;
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
    JdbcClient jdbc;
    @Autowired
    TestClock clock;

    private VisitFixtures fixtures;
    private String address;

    @BeforeEach
    void morning() {
        fixtures = new VisitFixtures(accounts, doctors, patients, appointments, jdbc);
        clock.setTimeOfDay(LocalTime.of(9, 0));
        address = "10.9." + (int) (Math.random() * 250) + "." + (int) (Math.random() * 250);
    }

    @AfterEach
    void realTime() {
        fixtures.leaveQueues();
        clock.reset();
    }

    @Test
    void every_booking_gets_its_own_codes_and_the_database_keeps_booking_codes_unique_per_day() {
        DoctorSummary doctor = fixtures.doctor();
        AppointmentSummary first = fixtures.book(fixtures.patient(), doctor, today(), LocalTime.of(10, 0));
        AppointmentSummary second = fixtures.book(fixtures.patient(), doctor, today(), LocalTime.of(10, 15));

        assertThat(first.visitCode()).matches("[A-Za-z0-9_-]{24}").isNotEqualTo(second.visitCode());
        assertThat(VisitCodes.bookingCode(first.bookingCode())).isEqualTo(first.bookingCode());
        assertThat(first.bookingCode()).isNotEqualTo(second.bookingCode());
        assertThatThrownBy(() -> jdbc.sql("UPDATE appointment SET booking_code = :code WHERE public_id = :id")
                .param("code", first.bookingCode()).param("id", second.id().toString()).update())
                .isInstanceOf(DataIntegrityViolationException.class).hasMessageContaining("uk_appointment_booking_code");
    }

    @Test
    void a_link_follows_the_visit_from_booked_to_called_on_its_day() {
        DoctorSummary doctor = fixtures.doctor();
        PatientRecord patient = fixtures.patient();
        AppointmentSummary booked = fixtures.book(patient, doctor, today(), LocalTime.of(10, 0));

        VisitStatus before = positions.open(booked.visitCode(), address);
        assertThat(before.kind()).isEqualTo(VisitStatus.Kind.BOOKED);
        assertThat(before.appointmentTime()).isEqualTo(LocalTime.of(10, 0));
        assertThat(before.room()).isEqualTo(doctor.room());

        Ticket ticket = SystemAuthentication.runAs(Role.RECEPTIONIST, () -> queue.checkIn(booked.id()));
        VisitStatus waiting = positions.refresh(before);
        assertThat(waiting.kind()).isEqualTo(VisitStatus.Kind.WAITING);
        assertThat(waiting.token()).isEqualTo(ticket.token());
        assertThat(waiting.ahead()).isZero();
        assertThat(waiting.estimatedWait()).isZero();

        SystemAuthentication.runAs(Role.ADMIN, () -> queue.callNext(doctor.id()));
        VisitStatus called = positions.refresh(waiting);
        assertThat(called.kind()).isEqualTo(VisitStatus.Kind.CALLED);
        assertThat(called.room()).isEqualTo(doctor.room());
        assertThat(called.toString()).doesNotContain(patient.familyName()).doesNotContain(patient.mrn())
                .doesNotContain(VisitFixtures.BORN.toString()).doesNotContain("Rash");
    }

    @Test
    void people_ahead_and_an_estimate_from_the_slot_length() {
        DoctorSummary doctor = fixtures.doctor();
        AppointmentSummary first = fixtures.book(fixtures.patient(), doctor, today(), LocalTime.of(9, 30));
        AppointmentSummary second = fixtures.book(fixtures.patient(), doctor, today(), LocalTime.of(9, 45));
        SystemAuthentication.runAs(Role.RECEPTIONIST, () -> queue.checkIn(first.id()));
        SystemAuthentication.runAs(Role.RECEPTIONIST, () -> queue.checkIn(second.id()));

        VisitStatus status = positions.open(second.visitCode(), address);

        assertThat(status.kind()).isEqualTo(VisitStatus.Kind.WAITING);
        assertThat(status.ahead()).isEqualTo(1);
        assertThat(status.estimatedWait()).isEqualTo(doctor.slotLength());
        assertThat(status.estimateFromToday()).isFalse();
    }

    @Test
    void a_walk_in_follows_their_own_link() {
        DoctorSummary doctor = fixtures.doctor();
        PatientRecord patient = fixtures.patient();
        Ticket ticket = SystemAuthentication.runAs(Role.RECEPTIONIST, () -> queue.walkIn(patient.id(), doctor.id(),
                doctor.specialty().id(), Lane.REGULAR, null, null));
        String code = jdbc.sql("SELECT visit_code FROM queue_entry WHERE public_id = :id")
                .param("id", ticket.entryId().toString()).query(String.class).single();

        VisitStatus status = positions.open(code, address);

        assertThat(status.kind()).isEqualTo(VisitStatus.Kind.WAITING);
        assertThat(status.token()).isEqualTo(ticket.token());
    }

    @Test
    void another_days_unknown_and_malformed_links_all_get_the_same_neutral_answer() {
        DoctorSummary doctor = fixtures.doctor();
        AppointmentSummary tomorrow = fixtures.book(fixtures.patient(), doctor, today().plusDays(1),
                LocalTime.of(10, 0));

        assertThat(positions.open(tomorrow.visitCode(), address)).isEqualTo(VisitStatus.notValid());
        assertThat(positions.open(VisitCodes.newVisitCode(), address)).isEqualTo(VisitStatus.notValid());
        assertThat(positions.open("../../etc/passwd", address)).isEqualTo(VisitStatus.notValid());
        assertThat(positions.open(tomorrow.bookingCode(), address)).isEqualTo(VisitStatus.notValid());
        assertThat(positions.open("", address)).isEqualTo(VisitStatus.notValid());
    }

    @Test
    void an_address_that_guesses_too_often_sees_only_the_neutral_page_even_for_a_real_link() {
        DoctorSummary doctor = fixtures.doctor();
        AppointmentSummary booked = fixtures.book(fixtures.patient(), doctor, today(), LocalTime.of(11, 0));
        for (int i = 0; i < 20; i++) {
            positions.open(VisitCodes.newVisitCode(), address);
        }

        assertThat(positions.open(booked.visitCode(), address).valid()).isFalse();
        assertThat(positions.open(booked.visitCode(), address + "1").valid()).isTrue();
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }
}
