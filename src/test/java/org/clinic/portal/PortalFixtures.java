package org.clinic.portal;

import org.clinic.patient.PatientDetails;
import org.clinic.patient.PatientRecord;
import org.clinic.patient.PatientService;
import org.clinic.patient.Sex;
import org.clinic.patient.TestPatients;
import org.clinic.security.PatientPrincipal;
import org.clinic.security.PatientSignInAccounts;
import org.clinic.security.Role;
import org.clinic.security.SystemAuthentication;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;

import java.time.LocalDate;
import java.util.Locale;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Patients with and without portal accounts, acting as them, and the codes the portal emailed. */
public final class PortalFixtures {

    public static final String PASSWORD = "Correct-Horse-Battery-42";
    private static final Pattern CODE = Pattern.compile("Your code is:\\s+(\\d{6})");

    private final PatientService patients;
    private final PortalSeeding seeding;
    private final PatientSignInAccounts accounts;
    private final JdbcClient jdbc;

    public PortalFixtures(PatientService patients, PortalSeeding seeding, PatientSignInAccounts accounts,
                          JdbcClient jdbc) {
        this.patients = patients;
        this.seeding = seeding;
        this.accounts = accounts;
        this.jdbc = jdbc;
    }

    public static String uniqueEmail() {
        return TestPatients.uniqueName().toLowerCase(Locale.ROOT) + "@example.org";
    }

    /** Details of a new patient nobody has registered (unique name, phone and email). */
    public static SignUp newPatient(String email) {
        return new SignUp("Nora", TestPatients.uniqueName(), LocalDate.of(1990, 5, 17), Sex.FEMALE,
                TestPatients.uniquePhone(), "3 Mill Lane, London", email, PASSWORD);
    }

    /** A registry patient with this email address on file (or none), registered by reception. */
    public PatientRecord registered(String email) {
        PatientDetails d = TestPatients.details("Olga", TestPatients.uniqueName());
        return SystemAuthentication.runAs(Role.RECEPTIONIST, () -> patients.register(new PatientDetails(d.givenName(),
                d.familyName(), d.birthDate(), false, d.sex(), null, email, null), true));
    }

    /** A registry patient with a portal account signing in as {@code email} with {@link #PASSWORD}. */
    public PatientRecord withAccount(String email) {
        PatientRecord patient = registered(email);
        SystemAuthentication.runAs(Role.ADMIN, () -> seeding.seedAccount(patient.id(), email, PASSWORD));
        return patient;
    }

    public PatientPrincipal principal(String email) {
        return accounts.findByEmail(email).orElseThrow();
    }

    /** Runs as the patient signed in to the portal with this email address. */
    public <T> T asPatient(String email, Supplier<T> work) {
        PatientPrincipal principal = principal(email);
        SecurityContext previous = SecurityContextHolder.getContext();
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(principal, null,
                principal.getAuthorities()));
        SecurityContextHolder.setContext(context);
        try {
            return work.get();
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }

    public void asPatient(String email, Runnable work) {
        asPatient(email, () -> {
            work.run();
            return null;
        });
    }

    /** The code in the latest portal email to this address (as queued in the outbox). */
    public String codeSentTo(String email) {
        String body = jdbc.sql("SELECT body_text FROM outbox_message WHERE recipient = :r AND kind = 'PORTAL_CODE'"
                        + " ORDER BY id DESC LIMIT 1").param("r", email).query(String.class).single();
        Matcher matcher = CODE.matcher(body);
        if (!matcher.find()) {
            throw new AssertionError("No code in: " + body);
        }
        return matcher.group(1);
    }

    public long codesSentTo(String email) {
        return jdbc.sql("SELECT COUNT(*) FROM outbox_message WHERE recipient = :r AND kind = 'PORTAL_CODE'")
                .param("r", email).query(Long.class).single();
    }

    /** A network address no other test uses, for the per-address limits. */
    public static String uniqueAddress() {
        java.util.concurrent.ThreadLocalRandom r = java.util.concurrent.ThreadLocalRandom.current();
        return "10." + r.nextInt(256) + "." + r.nextInt(256) + "." + r.nextInt(256);
    }
}
