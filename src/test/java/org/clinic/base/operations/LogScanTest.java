package org.clinic.base.operations;

import org.clinic.TestClock;
import org.clinic.appointment.AppointmentKind;
import org.clinic.appointment.AppointmentService;
import org.clinic.appointment.AppointmentSummary;
import org.clinic.appointment.BookAppointment;
import org.clinic.appointment.TestClinic;
import org.clinic.consultation.Consultation;
import org.clinic.consultation.ConsultationFixtures;
import org.clinic.consultation.ConsultationService;
import org.clinic.doctor.DoctorService;
import org.clinic.doctor.DoctorSummary;
import org.clinic.message.MailBox;
import org.clinic.message.ReminderService;
import org.clinic.patient.PatientDetails;
import org.clinic.patient.PatientRecord;
import org.clinic.patient.PatientService;
import org.clinic.patient.PossibleDuplicate;
import org.clinic.patient.Sex;
import org.clinic.patient.TestPatients;
import org.clinic.queue.QueueService;
import org.clinic.queue.Ticket;
import org.clinic.security.ActingAs;
import org.clinic.security.Role;
import org.clinic.security.StaffAccountService;
import org.clinic.security.SystemAuthentication;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A whole day's journey with patients whose names, phones, e-mail addresses, addresses and complaints appear
 * nowhere else, and then everything the application logged meanwhile is searched for them: none may appear. Every
 * line logged while serving a request carries that request's id.
 */
@OperationsContext
class LogScanTest {

    /** A password nobody types: the portal's sign-in below finds the account and refuses the password. */
    private static final String HASH = "{bcrypt}" + new BCryptPasswordEncoder().encode(UUID.randomUUID().toString());

    @LocalServerPort
    int port;
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
    ConsultationService consultations;
    @Autowired
    ReminderService reminders;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TestClock clock;

    @AfterEach
    void realTime() {
        clock.reset();
    }

    @Test
    void a_full_journey_logs_no_patient_data_and_every_request_line_carries_its_request_id() throws Exception {
        clock.setTimeOfDay(LocalTime.of(9, 0));
        TestClinic clinic = new TestClinic(accounts, doctors, patients);
        DoctorSummary doctor = clinic.doctor(LocalTime.of(8, 0), LocalTime.of(18, 0), 15, 40);
        String tag = Integer.toString(ThreadLocalRandom.current().nextInt(10_000, 99_999));
        String letters = TestPatients.uniqueName().substring(1, 6); // names take letters only
        PatientDetails zebulonia = details("Zebulonia", "Quillfeather" + letters, "zq" + tag + "@unusual-mail.example.org",
                "77 Thistlewick Lane, Brambleford");
        PatientDetails orrin = details("Orrinthal", "Vexmoor" + letters, "ov" + tag + "@unusual-mail.example.org",
                "3 Marrowgate Yard, Quenby");
        String complaint = "Quivering earlobes since Whitsun " + tag;
        List<String> secrets = new ArrayList<>(List.of(complaint, "1937-02-11"));
        secrets.addAll(values(zebulonia));
        secrets.addAll(values(orrin));

        List<LogCapture.Line> logged;
        try (LogCapture capture = new LogCapture().debug("org.springframework.security.web.FilterChainProxy")) {
            PatientRecord first = asDesk(() -> patients.register(zebulonia, false));
            PatientRecord second = asDesk(() -> patients.register(orrin, false));
            secrets.add(first.mrn());
            secrets.add(second.mrn());
            assertThatThrownBy(() -> asDesk(() -> patients.register(zebulonia, false)))
                    .as("the same person again is refused as a possible duplicate").isInstanceOf(PossibleDuplicate.class);

            LocalDate today = LocalDate.now(clock);
            AppointmentSummary booked = asDesk(() -> appointments.book(new BookAppointment(UUID.randomUUID(),
                    first.id(), doctor.id(), today, LocalTime.of(10, 0), AppointmentKind.NEW, complaint)));
            asDesk(() -> appointments.book(new BookAppointment(UUID.randomUUID(), second.id(), doctor.id(), today,
                    LocalTime.of(15, 0), AppointmentKind.NEW, complaint)));
            Ticket ticket = asDesk(() -> queue.checkIn(booked.id()));
            ActingAs.as(doctor.staffUsername(), Role.DOCTOR, () -> queue.callNext(doctor.id()));
            Consultation started = ActingAs.as(doctor.staffUsername(), Role.DOCTOR,
                    () -> consultations.start(ticket.entryId()));
            ActingAs.as(doctor.staffUsername(), Role.DOCTOR, () -> consultations.complete(started.id(),
                    started.version(), ConsultationFixtures.sample()));
            SystemAuthentication.runAs(Role.ADMIN, reminders::remindToday);
            assertThat(MailBox.await(orrin.email(), 2, Duration.ofSeconds(30))).as("confirmation and reminder sent")
                    .hasSizeGreaterThanOrEqualTo(2);
            duplicateKeyCarrying(orrin.email(), first.id(), second.id());
            overHttp(orrin.email());
            Thread.sleep(500); // what the sender and the live screens log after the last step
            logged = capture.lines();
        }

        assertThat(logged).as("the journey was logged at all").isNotEmpty();
        for (LogCapture.Line line : logged) {
            for (String secret : secrets) {
                assertThat(line.text().toLowerCase()).as("%s logged by %s", secret, line.logger())
                        .doesNotContain(secret.toLowerCase());
            }
        }
        List<LogCapture.Line> requestLines = logged.stream().filter(l -> l.thread().startsWith("http-nio-")).toList();
        assertThat(requestLines).as("lines logged while serving requests").isNotEmpty();
        assertThat(requestLines).allSatisfy(line -> assertThat(line.requestId()).as(line.text()).isNotBlank());
        Map<String, Long> perRequest = requestLines.stream().collect(Collectors.groupingBy(LogCapture.Line::requestId,
                Collectors.counting()));
        assertThat(perRequest).as("each request its own id").hasSizeGreaterThanOrEqualTo(4);
    }

    private static PatientDetails details(String given, String family, String email, String address) {
        return new PatientDetails(given, family, LocalDate.of(1937, 2, 11), false, Sex.FEMALE,
                TestPatients.uniquePhone(), email, address);
    }

    /** What must never be logged of a patient: names, phone (as stored, and as people write it), e-mail, address. */
    private static List<String> values(PatientDetails patient) {
        String phone = patient.phone();
        String national = "0" + phone.substring(3);
        return List.of(patient.givenName(), patient.familyName(), phone, phone.substring(1), national,
                national.substring(0, 4) + " " + national.substring(4, 7) + " " + national.substring(7),
                patient.email(), patient.address(), patient.address().substring(0, patient.address().indexOf(',')));
    }

    /**
     * A unique key refusing a patient's e-mail address, as a race between two sign-ups would: the database's error
     * text echoes the value, and neither the driver nor Hibernate may log it.
     */
    private void duplicateKeyCarrying(String email, UUID firstPatient, UUID secondPatient) {
        insertAccount(email, firstPatient);
        assertThatThrownBy(() -> insertAccount(email, secondPatient)).isInstanceOf(DuplicateKeyException.class)
                .hasMessageContaining(email);
    }

    private void insertAccount(String email, UUID patient) {
        jdbc.sql("INSERT INTO patient_account (public_id, email, password_hash, patient_id, patient_public_id,"
                        + " created_at, verified_at) SELECT :id, :email, :hash, id, public_id, :now, :now FROM patient"
                        + " WHERE public_id = :patient")
                .param("id", UUID.randomUUID().toString()).param("email", email).param("hash", HASH)
                .param("patient", patient.toString()).param("now", Timestamp.from(Instant.now())).update();
    }

    /** A person at a browser: the sign-in page, a failed sign-in with a patient's address, the portal, a visit link. */
    private void overHttp(String email) throws Exception {
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        HttpResponse<String> page = browser.send(get("/login"), HttpResponse.BodyHandlers.ofString());
        Document signIn = Jsoup.parse(page.body());
        String form = "username=" + URLEncoder.encode(email, StandardCharsets.UTF_8) + "&password=not-it&"
                + signIn.selectFirst("meta[name=_csrf_parameter]").attr("content") + "="
                + signIn.selectFirst("meta[name=_csrf]").attr("content");
        assertThat(browser.send(post("/login", form), HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(302);
        browser.send(get("/portal"), HttpResponse.BodyHandlers.ofString());
        assertThat(browser.send(post("/portal/login", form), HttpResponse.BodyHandlers.ofString()).statusCode())
                .isEqualTo(302);
        browser.send(get("/visit/ZZZZZZZZ"), HttpResponse.BodyHandlers.ofString());
        browser.send(get("/actuator/health"), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest get(String path) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).header("Accept", "text/html")
                .GET().build();
    }

    private HttpRequest post(String path, String form) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build();
    }

    private static <T> T asDesk(Supplier<T> work) {
        return ActingAs.as("grace", Role.RECEPTIONIST, work);
    }
}
