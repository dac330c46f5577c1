package org.clinic.api;

import org.clinic.appointment.TestClinic;
import org.clinic.doctor.DoctorService;
import org.clinic.patient.PatientService;
import org.clinic.patient.TestPatients;
import org.clinic.security.StaffAccountService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import java.time.LocalTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The patient resources over real HTTP: register, search, read (logged), update contact details. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PatientsApiTest {

    /** Names of clinical content that no reception-facing answer may carry. */
    static final List<String> CLINICAL = List.of("diagnos", "allerg", "vital", "prescri", "medic", "note",
            "consultation", "problem", "complaint");

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

    private IssuedApiToken token;
    private ApiCalls api;

    @BeforeEach
    void setUp() {
        token = new ApiFixtures(tokens).reception();
        api = new ApiCalls(port, token.secret());
    }

    @Test
    void a_registered_patient_can_be_found_read_and_given_new_contact_details() {
        String family = TestPatients.uniqueName();
        ApiCalls.Answer registered = api.post("/api/v1/patients", ApiCalls.json(newPatient(family,
                TestPatients.uniquePhone())));

        assertThat(registered.status()).isEqualTo(201);
        String id = registered.json().get("id").asString();
        assertThat(registered.header("Location")).isEqualTo("/api/v1/patients/" + id);
        assertThat(registered.json().get("mrn").asString()).matches("[0-9-]{6,}");

        JsonNode found = api.get("/api/v1/patients?q=" + family).json();
        assertThat(found.size()).isEqualTo(1);
        assertThat(found.get(0).get("id").asString()).isEqualTo(id);

        JsonNode read = api.get("/api/v1/patients/" + id).json();
        assertThat(read.get("familyName").asString()).isEqualTo(family);
        assertThat(read.propertyNames()).noneMatch(name -> CLINICAL.stream().anyMatch(name.toLowerCase()::contains));

        ApiCalls.Answer changed = api.put("/api/v1/patients/" + id + "/contact", ApiCalls.json(Map.of(
                "phone", "020 7946 0999", "email", "new.address@example.org", "address", "7 Canal Street",
                "version", read.get("version").asLong())));
        assertThat(changed.status()).isEqualTo(200);
        assertThat(changed.json().get("email").asString()).isEqualTo("new.address@example.org");
        assertThat(changed.json().get("phone").asString()).isNotBlank();
        assertThat(changed.json().get("familyName").asString()).isEqualTo(family);
    }

    @Test
    void reading_a_patient_is_in_the_access_log_under_the_tokens_name() {
        String id = register().get("id").asString();

        api.get("/api/v1/patients/" + id);

        assertThat(jdbc.sql("SELECT staff_username, staff_role, what FROM patient_access_log"
                        + " WHERE patient_public_id = ?").param(id)
                .query((rs, n) -> rs.getString(1) + " " + rs.getString(2) + " " + rs.getString(3)).list())
                .containsExactly("api:" + token.token().name() + " RECEPTIONIST RECORD");
        assertThat(jdbc.sql("SELECT changed_by FROM patient_change WHERE patient_id = (SELECT id FROM patient"
                + " WHERE public_id = ?)").param(id).query(String.class).list())
                .as("the registration's history names the integration").containsExactly("api:" + token.token().name());
    }

    @Test
    void a_random_id_is_404_and_shows_nobody() {
        ApiCalls.Answer missing = api.get("/api/v1/patients/" + UUID.randomUUID());

        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.contentType()).startsWith("application/problem+json");
        assertThat(missing.json().get("type").asString()).endsWith("/not-found");
        assertThat(missing.json().has("familyName")).isFalse();
    }

    @Test
    void a_rule_violated_is_422_with_the_fields_and_nothing_is_registered() {
        String family = TestPatients.uniqueName();
        Map<String, Object> bad = newPatient(family, "12");
        bad.put("birthDate", "2999-01-01");
        bad.put("email", "not-an-email");

        ApiCalls.Answer refused = api.post("/api/v1/patients", ApiCalls.json(bad));

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.json().get("type").asString()).endsWith("/rule-violated");
        List<String> fields = refused.json().get("errors").valueStream().map(e -> e.get("field").asString())
                .toList();
        assertThat(fields).contains("birthDate", "phone", "email");
        assertThat(api.get("/api/v1/patients?q=" + family).json().size()).isZero();
    }

    @Test
    void a_likely_duplicate_is_409_with_the_candidate_until_confirmed() {
        String phone = TestPatients.uniquePhone();
        JsonNode first = register(TestPatients.uniqueName(), phone);

        ApiCalls.Answer again = api.post("/api/v1/patients", ApiCalls.json(newPatient(TestPatients.uniqueName(), phone)));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().get("candidates").get(0).get("patientId").asString())
                .isEqualTo(first.get("id").asString());

        assertThat(api.post("/api/v1/patients?duplicateConfirmed=true", ApiCalls.json(newPatient(
                TestPatients.uniqueName(), phone))).status()).isEqualTo(201);
    }

    @Test
    void a_stale_version_is_409_and_changes_nothing() {
        JsonNode patient = register();
        String id = patient.get("id").asString();
        api.put("/api/v1/patients/" + id + "/contact", ApiCalls.json(Map.of("email", "first@example.org",
                "version", patient.get("version").asLong())));

        ApiCalls.Answer stale = api.put("/api/v1/patients/" + id + "/contact", ApiCalls.json(Map.of(
                "email", "second@example.org", "version", patient.get("version").asLong())));

        assertThat(stale.status()).isEqualTo(409);
        assertThat(api.get("/api/v1/patients/" + id).json().get("email").asString()).isEqualTo("first@example.org");
    }

    @Test
    void a_doctors_token_may_not_register_and_reads_only_its_own_patients() {
        var doctor = new TestClinic(accounts, doctors, patients).doctor(LocalTime.of(9, 0), LocalTime.of(12, 0), 15,
                10);
        ApiCalls doctorApi = api.as(new ApiFixtures(tokens).doctor(doctor).secret());
        String id = register().get("id").asString();

        assertThat(doctorApi.post("/api/v1/patients", ApiCalls.json(newPatient(TestPatients.uniqueName(), null)))
                .status()).isEqualTo(403);
        ApiCalls.Answer notTheirs = doctorApi.get("/api/v1/patients/" + id);
        assertThat(notTheirs.status()).isEqualTo(403);
        assertThat(notTheirs.json().has("familyName")).isFalse();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM patient_access_log WHERE patient_public_id = ?").param(id)
                .query(Long.class).single()).as("refused reads leave no row").isZero();
    }

    private JsonNode register() {
        return register(TestPatients.uniqueName(), null);
    }

    private JsonNode register(String family, String phone) {
        ApiCalls.Answer answer = api.post("/api/v1/patients?duplicateConfirmed=true",
                ApiCalls.json(newPatient(family, phone)));
        assertThat(answer.status()).as(answer.raw().body()).isEqualTo(201);
        return answer.json();
    }

    static Map<String, Object> newPatient(String family, String phone) {
        Map<String, Object> patient = new LinkedHashMap<>();
        patient.put("givenName", "Amelia");
        patient.put("familyName", family);
        patient.put("birthDate", "1984-03-09");
        patient.put("sex", "FEMALE");
        patient.put("phone", phone);
        return patient;
    }
}
