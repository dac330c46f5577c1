package org.clinic.message;

import jakarta.mail.internet.MimeMessage;
import org.clinic.TestClock;
import org.clinic.appointment.AppointmentKind;
import org.clinic.appointment.AppointmentService;
import org.clinic.appointment.AppointmentSummary;
import org.clinic.appointment.BookAppointment;
import org.clinic.doctor.DoctorService;
import org.clinic.doctor.DoctorSummary;
import org.clinic.patient.PatientRecord;
import org.clinic.patient.PatientService;
import org.clinic.security.Role;
import org.clinic.security.StaffAccountService;
import org.clinic.security.SystemAuthentication;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest
class AppointmentMessagesTest {

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
    private LocalDate tomorrow;

    @BeforeEach
    void fixtures() {
        fixtures = new MessageFixtures(accounts, doctors, patients, appointments);
        tomorrow = LocalDate.now(clock).plusDays(1);
    }

    @Test
    void a_booking_sends_one_confirmation_with_where_and_when_and_nothing_clinical() throws Exception {
        String address = MessageFixtures.uniqueAddress();
        PatientRecord patient = fixtures.patient(address);
        DoctorSummary doctor = fixtures.doctor();
        UUID request = UUID.randomUUID();
        BookAppointment booking = new BookAppointment(request, patient.id(), doctor.id(), tomorrow,
                LocalTime.of(9, 30), AppointmentKind.NEW, "Chest pain at night");

        SystemAuthentication.runAs(Role.RECEPTIONIST, () -> appointments.book(booking));
        SystemAuthentication.runAs(Role.RECEPTIONIST, () -> appointments.book(booking)); // the same request again

        List<MimeMessage> mail = MailBox.await(address, 1, Duration.ofSeconds(20));
        Thread.sleep(500);
        assertThat(MailBox.of(address)).hasSize(1);
        MimeMessage confirmation = mail.getFirst();
        assertThat(confirmation.getSubject()).contains("is booked").contains("09:30");
        String body = new String(confirmation.getRawInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        String text = MailText.of(confirmation);
        assertThat(text).contains(doctor.displayName()).contains("Room").contains(doctor.room())
                .contains("09:30").contains("Riverside Clinic").contains("photo ID").contains("24 hours");
        assertThat(body + text).doesNotContain("Chest pain");
        assertThat(MailText.html(confirmation)).contains("<strong>").contains(doctor.displayName());
    }

    @Test
    void the_confirmation_carries_the_booking_code_and_the_visit_link_as_text_and_as_an_inline_qr_code()
            throws Exception {
        String address = MessageFixtures.uniqueAddress();
        PatientRecord patient = fixtures.patient(address);
        AppointmentSummary booked = fixtures.book(patient, fixtures.doctor(), tomorrow, LocalTime.of(10, 15));

        MimeMessage confirmation = MailBox.await(address, 1, Duration.ofSeconds(20)).getFirst();

        String link = "http://localhost:8080/visit/" + booked.visitCode();
        assertThat(MailText.of(confirmation)).contains(booked.bookingCode()).contains(link);
        assertThat(MailText.html(confirmation)).contains(booked.bookingCode()).contains("href=\"" + link + "\"")
                .contains("cid:visit-qr");
        jakarta.mail.BodyPart qr = inline(confirmation.getContent(), "<visit-qr>");
        assertThat(qr).as("the inline QR code").isNotNull();
        assertThat(qr.getContentType()).startsWith("image/png");
        byte[] png = qr.getInputStream().readAllBytes();
        assertThat(javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(png)).getWidth()).isGreaterThan(150);
    }

    private static jakarta.mail.@org.jspecify.annotations.Nullable BodyPart inline(Object content, String contentId)
            throws Exception {
        if (content instanceof jakarta.mail.Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                jakarta.mail.BodyPart part = multipart.getBodyPart(i);
                String[] ids = part.getHeader("Content-ID");
                if (ids != null && ids.length > 0 && ids[0].equals(contentId)) {
                    return part;
                }
                jakarta.mail.BodyPart nested = inline(part.getContent(), contentId);
                if (nested != null) {
                    return nested;
                }
            }
        }
        return null;
    }

    @Test
    void a_move_sends_a_notice_of_the_new_time_and_a_cancellation_says_so_once() throws Exception {
        String address = MessageFixtures.uniqueAddress();
        PatientRecord patient = fixtures.patient(address);
        DoctorSummary doctor = fixtures.doctor();
        AppointmentSummary booked = fixtures.book(patient, doctor, tomorrow, LocalTime.of(10, 0));
        AppointmentSummary moved = SystemAuthentication.runAs(Role.RECEPTIONIST, () -> appointments.reschedule(
                booked.id(), UUID.randomUUID(), doctor.id(), tomorrow, LocalTime.of(11, 15)));
        SystemAuthentication.runAs(Role.RECEPTIONIST, () -> appointments.cancel(moved.id(), "Patient is travelling"));

        List<MimeMessage> mail = MailBox.await(address, 3, Duration.ofSeconds(20));
        assertThat(mail).extracting(MimeMessage::getSubject).hasSize(3)
                .anyMatch(s -> s.contains("is booked"))
                .anyMatch(s -> s.contains("has moved to") && s.contains("11:15"))
                .anyMatch(s -> s.contains("is cancelled") && s.contains("11:15"));
        assertThat(MailText.of(mail.stream().filter(m -> subject(m).contains("moved")).findFirst().orElseThrow()))
                .contains("10:00").contains("11:15");
        assertThat(mail.stream().map(MailText::of).toList()).noneMatch(t -> t.contains("travelling"));
    }

    @Test
    void patients_without_an_address_or_who_opted_out_are_skipped_and_the_skip_is_recorded() {
        DoctorSummary doctor = fixtures.doctor();
        PatientRecord noAddress = fixtures.patient(null);
        String optedOutAddress = MessageFixtures.uniqueAddress();
        PatientRecord optedOut = fixtures.patient(optedOutAddress);
        SystemAuthentication.runAs(Role.RECEPTIONIST, () -> patients.allowEmailMessages(optedOut.id(), false));

        AppointmentSummary first = fixtures.book(noAddress, doctor, tomorrow, LocalTime.of(12, 0));
        AppointmentSummary second = fixtures.book(optedOut, doctor, tomorrow, LocalTime.of(12, 15));

        assertThat(row(first.id())).containsEntry("state", "SKIPPED")
                .containsEntry("last_error", "No email address on file");
        assertThat(row(second.id())).containsEntry("state", "SKIPPED")
                .containsEntry("last_error", "The patient asked not to be emailed");
        assertThat(SystemAuthentication.runAs(Role.RECEPTIONIST, () -> patients.history(optedOut.id())))
                .anyMatch(change -> change.field().equals("Email messages") && "no".equals(change.newValue()));
        assertThat(MailBox.of(optedOutAddress)).isEmpty();
    }

    private Map<String, Object> row(UUID appointmentId) {
        return jdbc.sql("SELECT m.state, m.last_error FROM outbox_message m JOIN appointment a ON a.id = m.appointment_id"
                        + " WHERE a.public_id = :a AND m.kind = 'BOOKING_CONFIRMED'")
                .param("a", appointmentId.toString()).query().singleRow();
    }

    private static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
