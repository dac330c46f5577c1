package org.clinic.api;

import org.clinic.appointment.TestClinic;
import org.clinic.base.RuleViolation;
import org.clinic.doctor.DoctorService;
import org.clinic.patient.PatientService;
import org.clinic.security.Role;
import org.clinic.security.StaffAccountService;
import org.clinic.security.SystemAuthentication;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** API tokens: made by administrators, kept hashed, refused once revoked or expired, last use recorded sparingly. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ApiTokensTest {

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

    private ApiFixtures fixtures;

    @BeforeEach
    void setUp() {
        fixtures = new ApiFixtures(tokens);
    }

    @Test
    void the_secret_is_shown_once_and_only_its_sha256_is_kept() {
        IssuedApiToken issued = fixtures.reception();

        assertThat(issued.secret()).startsWith("clinic_").hasSize(50);
        String stored = jdbc.sql("SELECT secret_hash FROM api_token WHERE name = ?").param(issued.token().name())
                .query(String.class).single();
        assertThat(stored).isEqualTo(ApiTokenSecrets.hash(issued.secret())).doesNotContain(issued.secret());
        assertThat(SystemAuthentication.runAs(Role.ADMIN, () -> tokens.list())).filteredOn(t -> t.id()
                .equals(issued.token().id())).singleElement().satisfies(t -> {
                    assertThat(t.secretHint()).isEqualTo(issued.secret().substring(0, 12) + "…");
                    assertThat(t.toString()).doesNotContain(issued.secret());
                });
    }

    @Test
    void only_administrators_manage_tokens() {
        assertThatThrownBy(() -> SystemAuthentication.runAs(Role.RECEPTIONIST, () -> tokens.list()))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> SystemAuthentication.runAs(Role.DOCTOR, () -> tokens.create(
                new NewApiToken("sneaky-token", Role.RECEPTIONIST, null, null))))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void names_roles_doctors_and_expiry_are_checked_and_nothing_is_written_when_refused() {
        long before = jdbc.sql("SELECT COUNT(*) FROM api_token").query(Long.class).single();

        assertThatThrownBy(() -> SystemAuthentication.runAs(Role.ADMIN, () -> tokens.create(
                new NewApiToken("Lab Sync!", Role.ADMIN, null, LocalDate.now().minusDays(2)))))
                .isInstanceOfSatisfying(RuleViolation.class, v -> assertThat(v.problems())
                        .extracting(RuleViolation.Problem::field).containsExactly("name", "role", "expiresAfter"));
        assertThatThrownBy(() -> SystemAuthentication.runAs(Role.ADMIN, () -> tokens.create(
                new NewApiToken("doctor-without-doctor", Role.DOCTOR, null, null))))
                .isInstanceOfSatisfying(RuleViolation.class, v -> assertThat(v.field()).isEqualTo("doctorId"));
        IssuedApiToken first = fixtures.reception();
        assertThatThrownBy(() -> SystemAuthentication.runAs(Role.ADMIN, () -> tokens.create(
                new NewApiToken(first.token().name(), Role.RECEPTIONIST, null, null))))
                .isInstanceOfSatisfying(RuleViolation.class, v -> assertThat(v.getMessage()).contains("exists"));

        assertThat(jdbc.sql("SELECT COUNT(*) FROM api_token").query(Long.class).single()).isEqualTo(before + 1);
    }

    @Test
    void a_call_without_a_token_or_with_an_unknown_one_is_401_with_a_bearer_challenge() {
        ApiCalls.Answer none = new ApiCalls(port, null).get("/api/v1/specialties");
        ApiCalls.Answer unknown = new ApiCalls(port, ApiTokenSecrets.newSecret()).get("/api/v1/specialties");
        ApiCalls.Answer garbage = new ApiCalls(port, "x' OR 1=1 --").get("/api/v1/specialties");

        for (ApiCalls.Answer answer : new ApiCalls.Answer[]{none, unknown, garbage}) {
            assertThat(answer.status()).isEqualTo(401);
            assertThat(answer.contentType()).startsWith("application/problem+json");
            assertThat(answer.header("WWW-Authenticate")).startsWith("Bearer realm=\"clinic-api\"");
            assertThat(answer.json().get("type").asString()).endsWith("/unauthorized");
            assertThat(answer.header("Set-Cookie")).isEmpty();
        }
        assertThat(unknown.header("WWW-Authenticate")).contains("error=\"invalid_token\"");
    }

    @Test
    void a_revoked_token_is_refused_at_its_next_call_and_the_revocation_is_audited() {
        IssuedApiToken issued = fixtures.reception();
        ApiCalls api = new ApiCalls(port, issued.secret());
        assertThat(api.get("/api/v1/specialties").status()).isEqualTo(200);

        fixtures.revoke(issued);
        fixtures.revoke(issued); // twice changes nothing

        assertThat(api.get("/api/v1/specialties").status()).isEqualTo(401);
        assertThat(jdbc.sql("SELECT e.kind, e.acted_by FROM api_token_event e JOIN api_token t ON t.id = e.token_id"
                        + " WHERE t.name = ? ORDER BY e.id").param(issued.token().name())
                .query((rs, n) -> rs.getString(1) + " " + rs.getString(2)).list())
                .containsExactly("CREATED system", "REVOKED system");
        assertThatThrownBy(() -> jdbc.sql("DELETE FROM api_token_event WHERE token_id = (SELECT id FROM api_token"
                + " WHERE name = ?)").param(issued.token().name()).update())
                .as("the audit trail is append-only: the application's database user may not delete from it")
                .hasStackTraceContaining("DELETE command denied");
    }

    @Test
    void an_expired_token_is_refused() {
        IssuedApiToken issued = fixtures.create(Role.RECEPTIONIST, null, LocalDate.now().plusDays(1));
        ApiCalls api = new ApiCalls(port, issued.secret());
        assertThat(api.get("/api/v1/specialties").status()).isEqualTo(200);

        jdbc.sql("UPDATE api_token SET created_at = ?, expires_at = ? WHERE name = ?")
                .params(Timestamp.from(Instant.now().minusSeconds(7200)), Timestamp.from(Instant.now().minusSeconds(1)),
                        issued.token().name()).update();

        assertThat(api.get("/api/v1/specialties").status()).isEqualTo(401);
    }

    @Test
    void last_use_is_recorded_at_most_once_a_minute_not_per_call() {
        IssuedApiToken issued = fixtures.reception();
        ApiCalls api = new ApiCalls(port, issued.secret());
        assertThat(lastUsed(issued)).isNull();

        api.get("/api/v1/specialties");
        Instant first = lastUsed(issued);
        api.get("/api/v1/specialties");
        api.get("/api/v1/doctors");

        assertThat(first).isNotNull();
        assertThat(lastUsed(issued)).isEqualTo(first);
        jdbc.sql("UPDATE api_token SET last_used_at = ? WHERE name = ?")
                .params(Timestamp.from(first.minusSeconds(61)), issued.token().name()).update();
        api.get("/api/v1/specialties");
        assertThat(lastUsed(issued)).isAfter(first.minusSeconds(61));
    }

    @Test
    void a_doctors_token_is_tied_to_an_active_doctor_and_named_by_them() {
        var doctor = new TestClinic(accounts, doctors, patients).doctor(LocalTime.of(9, 0), LocalTime.of(12, 0), 15,
                10);
        IssuedApiToken issued = fixtures.doctor(doctor);

        assertThat(issued.token().role()).isEqualTo(Role.DOCTOR);
        assertThat(issued.token().doctorName()).isEqualTo(doctor.displayName());
        assertThat(new ApiCalls(port, issued.secret()).get("/api/v1/me/schedule").json().get("doctor").get("id")
                .asString()).isEqualTo(doctor.id().toString());
    }

    private Instant lastUsed(IssuedApiToken issued) {
        Timestamp at = jdbc.sql("SELECT last_used_at FROM api_token WHERE name = ?").param(issued.token().name())
                .query((rs, n) -> rs.getTimestamp(1)).list().getFirst();
        return at == null ? null : at.toInstant();
    }
}
