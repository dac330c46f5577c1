package org.clinic.message;

import org.clinic.TestClock;
import org.clinic.appointment.AppointmentService;
import org.clinic.appointment.AppointmentSummary;
import org.clinic.base.EmbeddedMailServer;
import org.clinic.doctor.DoctorService;
import org.clinic.doctor.DoctorSummary;
import org.clinic.patient.PatientService;
import org.clinic.security.StaffAccountService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The mail server down: bookings still succeed, nothing is lost, and what cannot be sent fails visibly. */
@SpringBootTest
class OutboxOutageTest {

    @Autowired
    OutboxSender sender;
    @Autowired
    MessageSettings settings;
    @Autowired
    AppointmentService appointments;
    @Autowired
    PatientService patients;
    @Autowired
    DoctorService doctors;
    @Autowired
    StaffAccountService accounts;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TestClock clock;

    private MessageFixtures fixtures;

    @BeforeEach
    void fixtures() {
        fixtures = new MessageFixtures(accounts, doctors, patients, appointments);
    }

    @AfterEach
    void mailServerBack() {
        EmbeddedMailServer.running().start();
        clock.reset();
    }

    @Test
    void with_the_mail_server_down_a_booking_succeeds_and_its_confirmation_goes_out_once_when_it_is_back()
            throws Exception {
        String address = MessageFixtures.uniqueAddress();
        DoctorSummary doctor = fixtures.doctor();
        EmbeddedMailServer.running().stop();

        AppointmentSummary booked = fixtures.book(fixtures.patient(address), doctor,
                LocalDate.now(clock).plusDays(2), LocalTime.of(9, 0));
        awaitAttempts(booked.id(), 1);

        Map<String, Object> waiting = confirmation(booked.id());
        assertThat(waiting.get("state")).isEqualTo("QUEUED");
        assertThat((String) waiting.get("last_error")).containsIgnoringCase("refused");

        EmbeddedMailServer.running().start();
        clock.advance(Duration.ofMinutes(5)); // past the first retry's wait
        sender.deliverDue();

        assertThat(MailBox.await(address, 1, Duration.ofSeconds(10))).hasSize(1);
        sender.deliverDue();
        Thread.sleep(300);
        assertThat(MailBox.of(address)).hasSize(1);
        assertThat(confirmation(booked.id()).get("state")).isEqualTo("SENT");
    }

    @Test
    void a_message_that_cannot_be_sent_is_retried_with_growing_waits_then_failed_with_the_reason() throws Exception {
        DoctorSummary doctor = fixtures.doctor();
        EmbeddedMailServer.running().stop();
        AppointmentSummary booked = fixtures.book(fixtures.patient(MessageFixtures.uniqueAddress()), doctor,
                LocalDate.now(clock).plusDays(2), LocalTime.of(10, 0));
        awaitAttempts(booked.id(), 1);

        for (int attempt = 2; attempt <= settings.maxAttempts(); attempt++) {
            clock.advance(settings.longestRetry().plusMinutes(1));
            sender.deliverDue();
        }

        Map<String, Object> failed = confirmation(booked.id());
        assertThat(failed.get("state")).isEqualTo("FAILED");
        assertThat(((Number) failed.get("attempts")).intValue()).isEqualTo(settings.maxAttempts());
        assertThat((String) failed.get("last_error")).containsIgnoringCase("refused");
        assertThat(settings.retryAfter(1)).isEqualTo(settings.firstRetry());
        assertThat(settings.retryAfter(2)).isEqualTo(settings.firstRetry().multipliedBy(2));
        assertThat(settings.retryAfter(30)).isEqualTo(settings.longestRetry());
    }

    private void awaitAttempts(UUID appointmentId, int attempts) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (((Number) confirmation(appointmentId).get("attempts")).intValue() < attempts
                && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
    }

    private Map<String, Object> confirmation(UUID appointmentId) {
        return jdbc.sql("SELECT m.state, m.attempts, m.last_error FROM outbox_message m"
                        + " JOIN appointment a ON a.id = m.appointment_id"
                        + " WHERE a.public_id = :a AND m.kind = 'BOOKING_CONFIRMED'")
                .param("a", appointmentId.toString()).query().singleRow();
    }
}
