package org.clinic.api;

import org.clinic.appointment.TestClinic;
import org.clinic.doctor.DoctorService;
import org.clinic.doctor.DoctorSummary;
import org.clinic.patient.PatientService;
import org.clinic.patient.TestPatients;
import org.clinic.security.StaffAccountService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bad input of every kind gets its own 4xx problem document (never a 500, never a stack trace) and writes nothing;
 * too many calls get 429 with Retry-After; a role that may not gets 403.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ApiBadInputTest {

    @LocalServerPort
    int port;
    @Autowired
    ApiTokenService tokens;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    StaffAccountService accounts;
    @Autowired
    DoctorService doctors;
    @Autowired
    PatientService patients;

    private ApiCalls api;
    private String secret;
    private TestClinic clinic;

    @BeforeEach
    void setUp() {
        secret = new ApiFixtures(tokens).reception().secret();
        api = new ApiCalls(port, secret);
        clinic = new TestClinic(accounts, doctors, patients);
    }

    @Test
    void malformed_json_wrong_types_unknown_fields_and_impossible_dates_are_400_and_register_nobody() {
        String family = TestPatients.uniqueName();
        String valid = "{\"givenName\":\"Amelia\",\"familyName\":\"" + family + "\",\"birthDate\":\"1984-03-09\","
                + "\"sex\":\"FEMALE\"";
        Map<String, String> bodies = Map.of(
                "malformed", valid + ",",
                "not an object", "[1,2,3]",
                "wrong type", valid.replace("\"1984-03-09\"", "{\"year\":1984}") + "}",
                "a number for a date", valid.replace("\"1984-03-09\"", "19840309") + "}",
                "a number for a name", valid.replace("\"Amelia\"", "5") + "}",
                "unknown enum", valid.replace("FEMALE", "SOMETIMES") + "}",
                "unknown field", valid + ",\"isAdmin\":true}",
                "impossible date", valid.replace("1984-03-09", "2025-02-30") + "}",
                "empty", "");

        bodies.forEach((what, body) -> {
            ApiCalls.Answer answer = api.post("/api/v1/patients", body);
            assertThat(answer.status()).as(what + ": " + answer.raw().body()).isEqualTo(400);
            assertBadRequestProblem(answer);
        });
        assertThat(api.post("/api/v1/patients", valid + ",\"isAdmin\":true}").json().get("detail").asString())
                .contains("isAdmin");
        assertThat(api.post("/api/v1/patients", valid.replace("1984-03-09", "2025-02-30") + "}").json()
                .get("detail").asString()).contains("birthDate");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM patient WHERE family_name = ?").param(family)
                .query(Long.class).single()).isZero();
    }

    @Test
    void an_unknown_address_or_method_under_the_api_is_a_404_problem_not_a_page() {
        for (ApiCalls.Answer answer : new ApiCalls.Answer[]{api.get("/api/v1/nothing-here"),
                api.send(api.request("/api/v1/specialties").DELETE())}) {
            assertThat(answer.status()).isEqualTo(404);
            assertThat(answer.contentType()).startsWith("application/problem+json");
            assertThat(answer.json().get("detail").asString()).contains("/api/docs");
        }
    }

    @Test
    void a_bad_uuid_or_date_in_the_address_is_400() {
        DoctorSummary doctor = clinic.doctor(LocalTime.of(9, 0), LocalTime.of(12, 0), 15, 10);

        for (String path : new String[]{"/api/v1/patients/not-a-uuid", "/api/v1/appointments/123",
                "/api/v1/doctors/" + doctor.id() + "/slots?date=2025-02-30",
                "/api/v1/doctors/" + doctor.id() + "/slots?date=tomorrow",
                "/api/v1/doctors/" + doctor.id() + "/slots", "/api/v1/patients?limit=100000",
                "/api/v1/patients?limit=ten"}) {
            ApiCalls.Answer answer = api.get(path);
            assertThat(answer.status()).as(path + ": " + answer.raw().body()).isEqualTo(400);
            assertBadRequestProblem(answer);
        }
    }

    @Test
    void a_body_over_64_kb_is_413_without_being_read_whole_and_nothing_is_written() throws Exception {
        String family = TestPatients.uniqueName();
        byte[] start = ("{\"givenName\":\"Amelia\",\"familyName\":\"" + family + "\",\"address\":\"")
                .getBytes(StandardCharsets.US_ASCII);

        RawAnswer declared = rawPost(start, false);
        RawAnswer chunked = rawPost(start, true); // no Content-Length: refused once 64 KB were read

        for (RawAnswer answer : new RawAnswer[]{declared, chunked}) {
            assertThat(answer.head()).startsWith("HTTP/1.1 413");
            assertThat(answer.head()).containsIgnoringCase("Content-Type: application/problem+json");
            assertThat(answer.body()).contains("/body-too-large");
            assertThat(answer.sent()).as("the 10 MB were never all sent").isLessThan(TEN_MEGABYTES);
        }
        assertThat(jdbc.sql("SELECT COUNT(*) FROM patient WHERE family_name = ?").param(family)
                .query(Long.class).single()).isZero();
    }

    private static final int TEN_MEGABYTES = 10 * 1024 * 1024;

    record RawAnswer(String head, String body, long sent) {
    }

    /** Sends a 10 MB body over a plain socket, as fast as the server takes it, and reads the answer meanwhile. */
    private RawAnswer rawPost(byte[] start, boolean chunked) throws Exception {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /api/v1/patients HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + secret
                    + "\r\nContent-Type: application/json\r\n"
                    + (chunked ? "Transfer-Encoding: chunked\r\n" : "Content-Length: " + TEN_MEGABYTES + "\r\n")
                    + "\r\n").getBytes(StandardCharsets.US_ASCII));
            java.util.concurrent.atomic.AtomicLong sent = new java.util.concurrent.atomic.AtomicLong();
            Thread writer = Thread.ofVirtual().start(() -> {
                byte[] piece = new byte[8192];
                Arrays.fill(piece, (byte) ' ');
                System.arraycopy(start, 0, piece, 0, start.length);
                try {
                    while (sent.get() < TEN_MEGABYTES) {
                        if (chunked) {
                            out.write((Integer.toHexString(piece.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                        }
                        out.write(piece);
                        if (chunked) {
                            out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
                        }
                        sent.addAndGet(piece.length);
                        Arrays.fill(piece, 0, start.length, (byte) ' ');
                    }
                } catch (java.io.IOException closed) {
                    // the server answered and closed the connection: the rest is never sent
                }
            });
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            writer.join(10_000);
            int split = answer.indexOf("\r\n\r\n");
            return new RawAnswer(answer.substring(0, Math.max(0, split)), answer.substring(split + 4), sent.get());
        }
    }

    @Test
    void a_bad_idempotency_key_is_400_and_books_nothing() {
        DoctorSummary doctor = clinic.doctor(LocalTime.of(9, 0), LocalTime.of(12, 0), 15, 10);
        String body = ApiCalls.json(Map.of("patientId", clinic.patients(1).getFirst().toString(),
                "doctorId", doctor.id().toString(), "date", LocalDate.now().plusDays(1).toString(), "start", "09:00"));

        ApiCalls.Answer answer = api.post("/api/v1/appointments", body, Map.of("Idempotency-Key", "x".repeat(101)));

        assertThat(answer.status()).isEqualTo(400);
        assertBadRequestProblem(answer);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM appointment WHERE doctor_id = ?").param(doctor.internalId())
                .query(Long.class).single()).isZero();
    }

    @Test
    void too_many_calls_are_429_with_retry_after() {
        ApiCalls.Answer last = null;
        // 120 a minute, refilled evenly: on a busy machine the bucket refills a little while it is being emptied,
        // so call until refused rather than a fixed 121 times
        for (int i = 0; i < 1_000 && (last == null || last.status() != 429); i++) {
            last = api.get("/api/v1/specialties");
        }

        assertThat(last.status()).isEqualTo(429);
        assertThat(Long.parseLong(last.header("Retry-After"))).isBetween(1L, 60L);
        assertThat(last.contentType()).startsWith("application/problem+json");
        assertThat(last.json().get("type").asString()).endsWith("/rate-limited");
        assertThat(new ApiCalls(port, new ApiFixtures(tokens).reception().secret()).get("/api/v1/specialties")
                .status()).as("another token has its own limit").isEqualTo(200);
    }

    @Test
    void a_reception_token_gets_403_for_a_doctors_endpoint_and_a_doctors_token_for_booking() {
        DoctorSummary doctor = clinic.doctor(LocalTime.of(9, 0), LocalTime.of(12, 0), 15, 10);
        ApiCalls doctorApi = api.as(new ApiFixtures(tokens).doctor(doctor).secret());
        String booking = ApiCalls.json(Map.of("patientId", clinic.patients(1).getFirst().toString(),
                "doctorId", doctor.id().toString(), "date", LocalDate.now().plusDays(1).toString(),
                "start", "09:00"));

        ApiCalls.Answer receptionForDoctorsWeek = api.get("/api/v1/me/schedule");
        ApiCalls.Answer doctorBooking = doctorApi.post("/api/v1/appointments", booking,
                Map.of("Idempotency-Key", UUID.randomUUID().toString()));

        for (ApiCalls.Answer answer : new ApiCalls.Answer[]{receptionForDoctorsWeek, doctorBooking}) {
            assertThat(answer.status()).isEqualTo(403);
            assertThat(answer.contentType()).startsWith("application/problem+json");
            assertThat(answer.json().get("type").asString()).endsWith("/forbidden");
        }
        assertThat(jdbc.sql("SELECT COUNT(*) FROM appointment WHERE doctor_id = ?").param(doctor.internalId())
                .query(Long.class).single()).isZero();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM api_idempotency i JOIN api_token t ON t.id = i.token_id"
                + " WHERE t.doctor_id = ?").param(doctor.id().toString()).query(Long.class).single())
                .as("the refused booking's key was given back").isZero();
    }

    @Test
    void answers_carry_no_session_cookie_and_a_strict_content_security_policy() {
        ApiCalls.Answer answer = api.get("/api/v1/specialties");

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.header("Set-Cookie")).isEmpty();
        assertThat(answer.header("Content-Security-Policy")).startsWith("default-src 'none'");
        assertThat(answer.header("X-Content-Type-Options")).isEqualTo("nosniff");
    }

    private static void assertBadRequestProblem(ApiCalls.Answer answer) {
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.json().get("type").asString()).endsWith("/malformed-request");
        assertThat(answer.json().get("status").asInt()).isEqualTo(400);
        assertThat(answer.raw().body()).doesNotContain("Exception").doesNotContain("at org.");
    }
}
