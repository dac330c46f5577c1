package org.clinic.portal;

import org.clinic.appointment.AppointmentQueries;
import org.clinic.base.RuleViolation;
import org.clinic.patient.OwnPatientRecord;
import org.clinic.patient.PatientRecord;
import org.clinic.patient.PatientService;
import org.clinic.patient.PatientSummary;
import org.clinic.security.PatientPrincipal;
import org.clinic.security.PatientSignInAccounts;
import org.clinic.security.Role;
import org.clinic.security.SystemAuthentication;
import org.clinic.security.signin.PortalSignIn;
import org.clinic.security.signin.SignInOrigin;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Sign-up, verification, linking, invitations, revoking, throttling and the portal's refusals, on MariaDB. */
@SpringBootTest
class PortalAccountsTest {

    @Autowired
    SignUpService signUp;
    @Autowired
    PortalAccessService access;
    @Autowired
    PortalProfileService profiles;
    @Autowired
    PortalSeeding seeding;
    @Autowired
    PatientService patients;
    @Autowired
    OwnPatientRecord ownRecord;
    @Autowired
    AppointmentQueries appointmentQueries;
    @Autowired
    PatientSignInAccounts signInAccounts;
    @Autowired
    PortalSignIn portalSignIn;
    @Autowired
    JdbcClient jdbc;

    PortalFixtures fixtures;
    String address;

    @BeforeEach
    void fixtures() {
        fixtures = new PortalFixtures(patients, seeding, signInAccounts, jdbc);
        address = PortalFixtures.uniqueAddress();
    }

    @Test
    void sign_up_creates_the_record_and_the_account_only_once_the_emailed_code_is_entered() {
        String email = PortalFixtures.uniqueEmail();
        SignUp request = PortalFixtures.newPatient(email);

        UUID step = signUp.signUp(request, address);

        assertThat(registryCount(request.familyName())).as("nothing registered before the code").isZero();
        assertThat(signInAccounts.findByEmail(email)).isEmpty();
        assertThat(signUp.verify(step, fixtures.codeSentTo(email), address)).isEqualTo(Verification.ACCOUNT_READY);

        assertThat(registryCount(request.familyName())).isEqualTo(1);
        PatientPrincipal account = fixtures.principal(email);
        assertThat(account.isEnabled()).isTrue();
        PatientRecord record = SystemAuthentication.runAs(Role.RECEPTIONIST, () -> patients.get(account.patientId()));
        assertThat(record.email()).isEqualTo(email);
        assertThat(record.phone()).isEqualTo(request.phone());
        assertThat(jdbc.sql("SELECT changed_by FROM patient_change c JOIN patient p ON p.id = c.patient_id"
                + " WHERE p.public_id = :p").param("p", account.patientId().toString()).query(String.class).list())
                .as("the registration is the patient's own").containsExactly(account.auditName());
        assertThat(events("SIGNED_UP", account)).isEqualTo(1);
        assertThat(jdbc.sql("SELECT code_hash FROM portal_verification WHERE public_id = :s").param("s", step.toString())
                .query(String.class).single()).as("stored hashed").hasSize(64)
                .doesNotContain(fixtures.codeSentTo(email));
    }

    @Test
    void a_code_works_once() {
        String email = PortalFixtures.uniqueEmail();
        UUID step = signUp.signUp(PortalFixtures.newPatient(email), address);
        String code = fixtures.codeSentTo(email);

        assertThat(signUp.verify(step, code, address)).isEqualTo(Verification.ACCOUNT_READY);
        assertThat(signUp.verify(step, code, address)).isEqualTo(Verification.NOT_VALID);
    }

    @Test
    void an_expired_code_is_refused_and_creates_nothing() {
        String email = PortalFixtures.uniqueEmail();
        SignUp request = PortalFixtures.newPatient(email);
        UUID step = signUp.signUp(request, address);
        jdbc.sql("UPDATE portal_verification SET created_at = :past, expires_at = :expired WHERE public_id = :s")
                .param("past", Timestamp.from(Instant.now().minusSeconds(3600)))
                .param("expired", Timestamp.from(Instant.now().minusSeconds(1))).param("s", step.toString()).update();

        assertThat(signUp.verify(step, fixtures.codeSentTo(email), address)).isEqualTo(Verification.NOT_VALID);
        assertThat(registryCount(request.familyName())).isZero();
    }

    @Test
    void a_code_is_dead_after_five_wrong_tries_even_the_right_one() {
        String email = PortalFixtures.uniqueEmail();
        UUID step = signUp.signUp(PortalFixtures.newPatient(email), address);
        String right = fixtures.codeSentTo(email);
        String wrong = right.equals("000000") ? "111111" : "000000";

        for (int i = 0; i < 5; i++) {
            assertThat(signUp.verify(step, wrong, address)).isEqualTo(Verification.NOT_VALID);
        }
        assertThat(signUp.verify(step, right, address)).isEqualTo(Verification.NOT_VALID);
        assertThat(signInAccounts.findByEmail(email)).isEmpty();
    }

    @Test
    void details_of_a_registered_patient_offer_to_link_and_register_nobody() {
        PatientRecord existing = fixtures.registered(null);
        String email = PortalFixtures.uniqueEmail();
        SignUp same = new SignUp(existing.givenName(), existing.familyName(), existing.birthDate(), existing.sex(),
                null, null, email, PortalFixtures.PASSWORD);

        assertThatThrownBy(() -> signUp.signUp(same, address)).isInstanceOf(RecordAlreadyExists.class)
                .hasMessageNotContaining(existing.mrn()).hasMessageNotContaining(existing.displayMrn());
        assertThat(registryCount(existing.familyName())).isEqualTo(1);
        assertThat(fixtures.codesSentTo(email)).isZero();
    }

    @Test
    void a_record_is_linked_with_mrn_birth_date_and_the_code_sent_to_the_email_on_file() {
        String email = PortalFixtures.uniqueEmail();
        PatientRecord patient = fixtures.registered(email);

        UUID step = signUp.linkWithMrn(LinkRecord.byMrn(patient.displayMrn(), patient.birthDate(),
                PortalFixtures.PASSWORD), address);

        assertThat(signUp.verify(step, fixtures.codeSentTo(email), address)).isEqualTo(Verification.ACCOUNT_READY);
        PatientPrincipal account = fixtures.principal(email);
        assertThat(account.patientId()).isEqualTo(patient.id());
        assertThat(events("LINKED", account)).isEqualTo(1);
        assertThat(registryCount(patient.familyName())).as("no second record").isEqualTo(1);
    }

    @Test
    void wrong_details_answer_like_a_match_and_send_nothing() {
        String email = PortalFixtures.uniqueEmail();
        PatientRecord patient = fixtures.registered(email);

        UUID wrongBirthDate = signUp.linkWithMrn(LinkRecord.byMrn(patient.mrn(), patient.birthDate().plusDays(1),
                PortalFixtures.PASSWORD), address);
        UUID unknownMrn = signUp.linkWithMrn(LinkRecord.byMrn("99999997", patient.birthDate(),
                PortalFixtures.PASSWORD), address);

        assertThat(wrongBirthDate).isNotNull();
        assertThat(unknownMrn).isNotNull();
        assertThat(fixtures.codesSentTo(email)).isZero();
        assertThat(signUp.verify(wrongBirthDate, "123456", address)).isEqualTo(Verification.NOT_VALID);
    }

    @Test
    void a_record_without_an_email_address_is_told_to_ask_reception_for_an_invitation() {
        PatientRecord patient = fixtures.registered(null);

        assertThatThrownBy(() -> signUp.linkWithMrn(LinkRecord.byMrn(patient.mrn(), patient.birthDate(),
                PortalFixtures.PASSWORD), address)).isInstanceOf(RuleViolation.class).hasMessageContaining("invitation");
    }

    @Test
    void an_invitation_links_once() {
        PatientRecord patient = fixtures.registered(null);
        Invitation invitation = SystemAuthentication.runAs(Role.RECEPTIONIST, () -> access.invite(patient.id()));
        String email = PortalFixtures.uniqueEmail();

        UUID step = signUp.linkWithInvitation(LinkRecord.byInvitation(invitation.code().toLowerCase(), email,
                PortalFixtures.PASSWORD), address);
        assertThat(signUp.verify(step, fixtures.codeSentTo(email), address)).isEqualTo(Verification.ACCOUNT_READY);

        assertThat(fixtures.principal(email).patientId()).isEqualTo(patient.id());
        assertThat(SystemAuthentication.runAs(Role.RECEPTIONIST, () -> access.accessOf(patient.id())).email())
                .isEqualTo(email);
        assertThatThrownBy(() -> signUp.linkWithInvitation(LinkRecord.byInvitation(invitation.code(),
                PortalFixtures.uniqueEmail(), PortalFixtures.PASSWORD), address))
                .isInstanceOf(RuleViolation.class).hasMessage(SignUpService.INVITATION_NOT_VALID);
        assertThat(jdbc.sql("SELECT code_hash FROM portal_invitation WHERE patient_public_id = :p")
                .param("p", patient.id().toString()).query(String.class).single())
                .doesNotContain(invitation.code());
    }

    @Test
    void an_expired_invitation_is_refused() {
        PatientRecord patient = fixtures.registered(null);
        Invitation invitation = SystemAuthentication.runAs(Role.RECEPTIONIST, () -> access.invite(patient.id()));
        jdbc.sql("UPDATE portal_invitation SET created_at = :past, expires_at = :expired WHERE patient_public_id = :p")
                .param("past", Timestamp.from(Instant.now().minusSeconds(20 * 86400)))
                .param("expired", Timestamp.from(Instant.now().minusSeconds(60)))
                .param("p", patient.id().toString()).update();

        assertThatThrownBy(() -> signUp.linkWithInvitation(LinkRecord.byInvitation(invitation.code(),
                PortalFixtures.uniqueEmail(), PortalFixtures.PASSWORD), address)).isInstanceOf(RuleViolation.class);
    }

    @Test
    void a_record_has_at_most_one_active_account_in_the_database() {
        String email = PortalFixtures.uniqueEmail();
        PatientRecord patient = fixtures.withAccount(email);
        long internalId = fixtures.principal(email).patientInternalId();

        assertThatThrownBy(() -> jdbc.sql("INSERT INTO patient_account (public_id, email, password_hash, patient_id,"
                        + " patient_public_id, status, created_at, verified_at) VALUES (UUID(), :e, 'x', :p, :pid,"
                        + " 'ACTIVE', NOW(6), NOW(6))").param("e", PortalFixtures.uniqueEmail()).param("p", internalId)
                .param("pid", patient.id().toString()).update()).isInstanceOf(DataIntegrityViolationException.class);
        assertThat(SystemAuthentication.runAs(Role.ADMIN, () -> seeding.seedAccount(patient.id(),
                PortalFixtures.uniqueEmail(), PortalFixtures.PASSWORD))).isFalse();
    }

    @Test
    void revoking_access_refuses_the_next_sign_in_and_is_recorded() {
        String email = PortalFixtures.uniqueEmail();
        PatientRecord patient = fixtures.withAccount(email);
        assertThat(signIn(email, PortalFixtures.PASSWORD).isAuthenticated()).isTrue();

        SystemAuthentication.runAs(Role.RECEPTIONIST, () -> access.revoke(patient.id()));

        assertThatThrownBy(() -> signIn(email, PortalFixtures.PASSWORD)).isInstanceOf(DisabledException.class);
        assertThat(SystemAuthentication.runAs(Role.RECEPTIONIST, () -> access.accessOf(patient.id())).hasAccess())
                .isFalse();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM patient_account_event e JOIN patient p ON p.id = e.patient_id"
                        + " WHERE p.public_id = :p AND e.kind = 'REVOKED'").param("p", patient.id().toString())
                .query(Long.class).single()).isEqualTo(1);
        // invited again later, the record gets a new account
        Invitation again = SystemAuthentication.runAs(Role.RECEPTIONIST, () -> access.invite(patient.id()));
        String newEmail = PortalFixtures.uniqueEmail();
        UUID step = signUp.linkWithInvitation(LinkRecord.byInvitation(again.code(), newEmail, PortalFixtures.PASSWORD),
                address);
        assertThat(signUp.verify(step, fixtures.codeSentTo(newEmail), address)).isEqualTo(Verification.ACCOUNT_READY);
    }

    @Test
    void portal_sign_in_never_signs_in_a_staff_member_and_pauses_only_the_patients_namespace() {
        String email = PortalFixtures.uniqueEmail();
        fixtures.withAccount(email);

        assertThatThrownBy(() -> signIn("admin", "clinic-demo")).isInstanceOf(BadCredentialsException.class);
        for (int i = 0; i < 5; i++) {
            assertThatThrownBy(() -> signIn(email, "not-the-password")).isInstanceOf(BadCredentialsException.class);
        }
        assertThatThrownBy(() -> signIn(email, PortalFixtures.PASSWORD)).isInstanceOf(LockedException.class);
        assertThat(jdbc.sql("SELECT subject_kind FROM sign_in_throttle WHERE subject = :e").param("e", email)
                .query(String.class).list()).containsExactly("PATIENT");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM authentication_event WHERE username = :e AND kind = 'LOCKED_OUT'")
                .param("e", email).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void sign_up_is_limited_per_address() {
        String crowded = PortalFixtures.uniqueAddress();
        for (int i = 0; i < 30; i++) {
            signUp.signUp(PortalFixtures.newPatient(PortalFixtures.uniqueEmail()), crowded);
        }
        String email = PortalFixtures.uniqueEmail();
        assertThatThrownBy(() -> signUp.signUp(PortalFixtures.newPatient(email), crowded))
                .isInstanceOf(RuleViolation.class).hasMessage(PortalRateLimits.TOO_MANY);
        assertThat(fixtures.codesSentTo(email)).isZero();
    }

    @Test
    void codes_to_one_email_address_are_limited() {
        String email = PortalFixtures.uniqueEmail();
        PatientRecord patient = fixtures.registered(email);
        for (int i = 0; i < 5; i++) {
            signUp.linkWithMrn(LinkRecord.byMrn(patient.mrn(), patient.birthDate(), PortalFixtures.PASSWORD),
                    PortalFixtures.uniqueAddress());
        }
        assertThatThrownBy(() -> signUp.linkWithMrn(LinkRecord.byMrn(patient.mrn(), patient.birthDate(),
                PortalFixtures.PASSWORD), PortalFixtures.uniqueAddress())).hasMessage(PortalRateLimits.TOO_MANY);
        assertThat(fixtures.codesSentTo(email)).isEqualTo(5);
    }

    @Test
    void a_patient_asking_for_another_patients_record_is_refused_and_it_is_logged() {
        String email = PortalFixtures.uniqueEmail();
        fixtures.withAccount(email);
        PatientRecord other = fixtures.registered(null);
        PatientPrincipal me = fixtures.principal(email);

        fixtures.asPatient(email, () -> {
            assertThatThrownBy(() -> patients.get(other.id())).isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> appointmentQueries.ofPatient(other.id())).isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> patients.history(other.id())).isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> access.accessOf(other.id())).isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> ownRecord.changeVerifiedEmail(other.id(), "x@example.org"))
                    .isInstanceOf(AccessDeniedException.class);
        });

        List<String> refused = jdbc.sql("SELECT detail FROM patient_account_event e JOIN patient_account a"
                        + " ON a.id = e.account_id WHERE a.public_id = :a AND e.kind = 'REFUSED' ORDER BY e.id")
                .param("a", me.accountId().toString()).query(String.class).list();
        assertThat(refused).hasSize(5);
        assertThat(refused.getFirst()).isEqualTo("PatientService.get(" + other.id() + ")");
        assertThat(accessLogRows(other.id())).as("nothing of the other patient was read").isZero();
    }

    @Test
    void a_patient_reads_only_their_own_record_and_each_read_is_logged_with_their_account() {
        String email = PortalFixtures.uniqueEmail();
        PatientRecord mine = fixtures.withAccount(email);
        PatientPrincipal me = fixtures.principal(email);

        Profile profile = fixtures.asPatient(email, () -> profiles.profile());

        assertThat(profile.familyName()).isEqualTo(mine.familyName());
        assertThat(jdbc.sql("SELECT CONCAT(staff_username, ' ', staff_role, ' ', what) FROM patient_access_log"
                + " WHERE patient_public_id = :p").param("p", mine.id().toString()).query(String.class).list())
                .containsExactly(me.auditName() + " PATIENT PORTAL");
    }

    @Test
    void contact_changes_go_through_the_registry_rules_into_the_history_as_the_patient() {
        String email = PortalFixtures.uniqueEmail();
        PatientRecord mine = fixtures.withAccount(email);
        PatientPrincipal me = fixtures.principal(email);

        assertThatThrownBy(() -> fixtures.asPatient(email, () -> profiles.changeContact("12", null)))
                .isInstanceOf(RuleViolation.class).extracting(e -> ((RuleViolation) e).field()).isEqualTo("phone");
        Profile changed = fixtures.asPatient(email, () -> profiles.changeContact("020 7946 0311", "5 Park Avenue"));
        fixtures.asPatient(email, () -> profiles.emailReminders(false));

        assertThat(changed.phone()).isEqualTo("+442079460311");
        PatientRecord record = SystemAuthentication.runAs(Role.RECEPTIONIST, () -> patients.get(mine.id()));
        assertThat(record.address()).isEqualTo("5 Park Avenue");
        assertThat(record.emailMessages()).as("the back office's opt-out").isFalse();
        assertThat(jdbc.sql("SELECT DISTINCT changed_by FROM patient_change c JOIN patient p ON p.id = c.patient_id"
                        + " WHERE p.public_id = :p AND c.field IN ('Phone', 'Address', 'Email messages')")
                .param("p", mine.id().toString()).query(String.class).list()).containsExactly(me.auditName());
    }

    @Test
    void a_new_email_address_takes_effect_only_with_the_code_sent_to_it() {
        String email = PortalFixtures.uniqueEmail();
        PatientRecord mine = fixtures.withAccount(email);
        String newEmail = PortalFixtures.uniqueEmail();

        UUID step = fixtures.asPatient(email, () -> profiles.changeEmail(newEmail, address));
        assertThat(fixtures.asPatient(email, () -> profiles.confirmEmail(step, "000000".equals(
                fixtures.codeSentTo(newEmail)) ? "111111" : "000000", address))).isFalse();
        assertThat(signInAccounts.findByEmail(newEmail)).isEmpty();

        assertThat(fixtures.asPatient(email, () -> profiles.confirmEmail(step, fixtures.codeSentTo(newEmail), address)))
                .isTrue();
        assertThat(fixtures.principal(newEmail).patientId()).isEqualTo(mine.id());
        assertThat(SystemAuthentication.runAs(Role.RECEPTIONIST, () -> patients.get(mine.id())).email())
                .isEqualTo(newEmail);
    }

    @Test
    void changing_the_password_needs_the_current_one_and_the_clinics_policy() {
        String email = PortalFixtures.uniqueEmail();
        fixtures.withAccount(email);

        assertThatThrownBy(() -> fixtures.asPatient(email, () -> profiles.changePassword("wrong", "Another-Good-One-7")))
                .isInstanceOf(RuleViolation.class).hasMessage(PortalProfileService.WRONG_PASSWORD);
        assertThatThrownBy(() -> fixtures.asPatient(email, () -> profiles.changePassword(PortalFixtures.PASSWORD,
                "password123"))).isInstanceOf(RuleViolation.class);
        fixtures.asPatient(email, () -> profiles.changePassword(PortalFixtures.PASSWORD, "Another-Good-One-7"));

        assertThat(signIn(email, "Another-Good-One-7").isAuthenticated()).isTrue();
    }

    private Authentication signIn(String email, String password) {
        UsernamePasswordAuthenticationToken attempt = UsernamePasswordAuthenticationToken.unauthenticated(email,
                password);
        attempt.setDetails(new SignInOrigin(address, "PortalAccountsTest"));
        return portalSignIn.manager().authenticate(attempt);
    }

    private long registryCount(String familyName) {
        return SystemAuthentication.runAs(Role.RECEPTIONIST, () -> patients.search(familyName, 0, 10)).stream()
                .map(PatientSummary::familyName).filter(familyName::equals).count();
    }

    private long events(String kind, PatientPrincipal account) {
        return jdbc.sql("SELECT COUNT(*) FROM patient_account_event e JOIN patient_account a ON a.id = e.account_id"
                        + " WHERE a.public_id = :a AND e.kind = :k").param("a", account.accountId().toString())
                .param("k", kind).query(Long.class).single();
    }

    private long accessLogRows(UUID patientId) {
        return jdbc.sql("SELECT COUNT(*) FROM patient_access_log WHERE patient_public_id = :p")
                .param("p", patientId.toString()).query(Long.class).single();
    }
}
