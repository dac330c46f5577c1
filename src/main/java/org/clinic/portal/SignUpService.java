package org.clinic.portal;

import org.clinic.base.PhoneNumbers;
import org.clinic.base.RuleViolation;
import org.clinic.base.Texts;
import org.clinic.patient.PatientContact;
import org.clinic.patient.PatientDetails;
import org.clinic.patient.PatientRecord;
import org.clinic.patient.PatientRules;
import org.clinic.patient.PatientService;
import org.clinic.security.PatientPrincipal;
import org.clinic.security.SystemAuthentication;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * The portal's door for people not signed in: a new patient signs up, or an existing one links their record (MRN,
 * date of birth and the email on file, or an invitation from reception). Each ends with a code emailed through the
 * outbox; only the right code creates the account (and, for a new patient, the registry record), once. Sign-up,
 * link attempts and code entries are rate-limited per network address and per email address.
 * <p>
 * Open to anyone ({@code permitAll}): this is how people get an account at all. Nothing here ever says whether an MRN
 * or an email address is known.
 */
@Service
public class SignUpService {

    static final String ANYONE = "permitAll()";
    static final String NO_EMAIL_ON_FILE = "Your record has no email address, so we cannot send you a code. Please ask "
            + "reception for an invitation code.";
    static final String INVITATION_NOT_VALID = "This invitation code is not right or no longer valid. Check it, or ask "
            + "reception for a new one.";

    private final PatientService patients;
    private final PatientRules rules;
    private final PhoneNumbers phones;
    private final PortalPasswords passwords;
    private final PortalAccountStore accounts;
    private final PendingVerifications pending;
    private final PortalRateLimits rates;
    private final PortalMail mail;
    private final PortalAudit audit;
    private final PortalSettings settings;
    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final Clock clock;

    SignUpService(PatientService patients, PatientRules rules, PhoneNumbers phones, PortalPasswords passwords,
                  PortalAccountStore accounts, PendingVerifications pending, PortalRateLimits rates, PortalMail mail,
                  PortalAudit audit, PortalSettings settings, JdbcClient jdbc, PlatformTransactionManager transactions,
                  Clock clock) {
        this.patients = patients;
        this.rules = rules;
        this.phones = phones;
        this.passwords = passwords;
        this.accounts = accounts;
        this.pending = pending;
        this.rates = rates;
        this.mail = mail;
        this.audit = audit;
        this.settings = settings;
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    /**
     * A new patient: checks the details by the registry's rules and the password by the clinic's policy, refuses with
     * {@link RecordAlreadyExists} when they match a registered patient, and otherwise emails a code to the address
     * given. Returns the step the code is for. Nothing is registered until the code is entered.
     */
    @PreAuthorize(ANYONE)
    @Transactional
    public UUID signUp(SignUp request, String fromAddress) {
        PatientDetails details = checked(request);
        String email = Objects.requireNonNull(details.email());
        String hash = passwords.hash("password", request.password(), email,
                details.givenName() + " " + details.familyName());
        rates.fromAddress(PortalRateLimits.Action.SIGN_UP, fromAddress);
        if (!SystemAuthentication.runAsPortal("portal", () -> patients.findPossibleDuplicates(details, null)).isEmpty()) {
            throw new RecordAlreadyExists();
        }
        rates.forEmail(PortalRateLimits.Action.EMAIL, email);
        return sendCode(PendingVerifications.Purpose.SIGN_UP, email, hash, null, null, null, details,
                "Welcome! To finish signing up for the patient portal, confirm your email address.");
    }

    /**
     * An existing patient links their record with its MRN and their date of birth: the code goes to the email
     * address on the record. A step id comes back whether or not the details matched (then no code is sent and
     * no code will ever fit it), so the answer never tells whether an MRN exists.
     */
    @PreAuthorize(ANYONE)
    @Transactional
    public UUID linkWithMrn(LinkRecord request, String fromAddress) {
        List<RuleViolation.Problem> problems = new ArrayList<>();
        if (Texts.clean(request.mrn()) == null) {
            problems.add(new RuleViolation.Problem("mrn", "Enter your MRN (it is on your appointment letters)"));
        }
        rules.birthDateProblem(request.birthDate()).ifPresent(p -> problems.add(new RuleViolation.Problem("birthDate", p)));
        if (request.password() == null || request.password().isEmpty()) {
            problems.add(new RuleViolation.Problem("password", "Choose a password"));
        }
        if (!problems.isEmpty()) {
            throw new RuleViolation(problems);
        }
        rates.fromAddress(PortalRateLimits.Action.LINK, fromAddress);
        Optional<PatientContact> match = SystemAuthentication.runAsPortal("portal",
                () -> patients.matchForLinking(request.mrn(), request.birthDate()));
        if (match.isEmpty()) {
            return UUID.randomUUID(); // no row, no mail: no code fits it
        }
        PatientContact patient = match.get();
        if (patient.email() == null) {
            throw new RuleViolation(null, NO_EMAIL_ON_FILE);
        }
        String hash = passwords.hash("password", request.password(), patient.email(), patient.fullName());
        rates.forEmail(PortalRateLimits.Action.EMAIL, patient.email());
        return sendCode(PendingVerifications.Purpose.LINK, patient.email(), hash, patient.internalId(), patient.id(),
                null, null, "To link your record to the patient portal, confirm it is you.");
    }

    /** An existing patient links their record with reception's invitation code and an email address they choose. */
    @PreAuthorize(ANYONE)
    @Transactional
    public UUID linkWithInvitation(LinkRecord request, String fromAddress) {
        List<RuleViolation.Problem> problems = new ArrayList<>();
        if (Texts.clean(request.invitationCode()) == null) {
            problems.add(new RuleViolation.Problem("invitationCode", "Enter the code from reception"));
        }
        emailProblem(request.email()).ifPresent(p -> problems.add(new RuleViolation.Problem("email", p)));
        if (!problems.isEmpty()) {
            throw new RuleViolation(problems);
        }
        String email = PortalAccountStore.normalized(request.email());
        String hash = passwords.hash("password", request.password(), email, "");
        rates.fromAddress(PortalRateLimits.Action.LINK, fromAddress);
        Invitation invitation = jdbc.sql("SELECT id, patient_id, patient_public_id FROM portal_invitation"
                        + " WHERE code_hash = :hash AND used_at IS NULL AND expires_at > :now")
                .param("hash", PortalCodes.invitationHash(Objects.requireNonNull(request.invitationCode())))
                .param("now", Timestamp.from(clock.instant()))
                .query((rs, row) -> new Invitation(rs.getLong(1), rs.getLong(2), UUID.fromString(rs.getString(3))))
                .optional().orElseThrow(() -> new RuleViolation("invitationCode", INVITATION_NOT_VALID));
        rates.forEmail(PortalRateLimits.Action.EMAIL, email);
        return sendCode(PendingVerifications.Purpose.LINK, email, hash, invitation.patientInternalId(),
                invitation.patientId(), invitation.id(), null,
                "To link your record to the patient portal, confirm your email address.");
    }

    /**
     * The emailed code: the right one, in time, once, creates the account (and a new patient's registry record).
     * A wrong code counts against the step's tries and the address's limit, and says nothing of why.
     */
    @PreAuthorize(ANYONE)
    public Verification verify(UUID step, String code, String fromAddress) {
        rates.fromAddress(PortalRateLimits.Action.CODE, fromAddress);
        Verification result;
        try {
            result = completeOnce(step, code);
        } catch (org.springframework.dao.DataIntegrityViolationException raced) {
            // the same record or address got an account at this very moment through another step
            String why = String.valueOf(raced.getMessage());
            return why.contains("uk_patient_account_active_email") ? Verification.EMAIL_TAKEN
                    : Verification.ALREADY_HAS_ACCESS;
        }
        if (result != Verification.ACCOUNT_READY && result != Verification.NOT_VALID) {
            // the work was rolled back; the code is spent all the same
            transaction.executeWithoutResult(tx -> pending.lock(step).ifPresent(p -> pending.used(p.id(),
                    clock.instant())));
        }
        return result;
    }

    private Verification completeOnce(UUID step, String code) {
        Verification result = transaction.execute(tx -> {
            Optional<PendingVerifications.Pending> found = pending.check(step, code == null ? "" : code,
                    settings.codeTries(), clock.instant());
            if (found.isEmpty() || found.get().purpose() == PendingVerifications.Purpose.EMAIL_CHANGE) {
                return Verification.NOT_VALID;
            }
            Verification outcome = complete(found.get());
            if (outcome != Verification.ACCOUNT_READY) {
                tx.setRollbackOnly();
            }
            return outcome;
        });
        return Objects.requireNonNull(result);
    }

    private Verification complete(PendingVerifications.Pending step) {
        if (accounts.activeWithEmail(step.email()).isPresent()) {
            return Verification.EMAIL_TAKEN;
        }
        Instant now = clock.instant();
        UUID accountId = UUID.randomUUID();
        String actor = PatientPrincipal.auditName(accountId);
        if (step.purpose() == PendingVerifications.Purpose.SIGN_UP) {
            PatientDetails details = Objects.requireNonNull(step.details());
            if (!SystemAuthentication.runAsPortal(actor, () -> patients.findPossibleDuplicates(details, null)).isEmpty()) {
                return Verification.RECORD_EXISTS;
            }
            PatientRecord record = SystemAuthentication.runAsPortal(actor, () -> patients.register(details, true));
            long internalId = SystemAuthentication.runAsPortal(actor, () -> patients.matchForLinking(record.mrn(),
                    record.birthDate())).orElseThrow().internalId();
            long account = accounts.insert(accountId, step.email(), Objects.requireNonNull(step.passwordHash()),
                    internalId, record.id(), now, now);
            audit.record(PortalAudit.Kind.SIGNED_UP, internalId, account, actor, "New patient " + record.displayMrn());
            return Verification.ACCOUNT_READY;
        }
        long patient = Objects.requireNonNull(step.patientInternalId());
        if (accounts.activeOfPatient(patient).isPresent()) {
            return Verification.ALREADY_HAS_ACCESS;
        }
        if (step.invitationId() != null && jdbc.sql("UPDATE portal_invitation SET used_at = :now WHERE id = :id"
                        + " AND used_at IS NULL AND expires_at > :now")
                .param("now", Timestamp.from(now)).param("id", step.invitationId()).update() != 1) {
            return Verification.NOT_VALID;
        }
        long account = accounts.insert(accountId, step.email(), Objects.requireNonNull(step.passwordHash()), patient,
                Objects.requireNonNull(step.patientId()), now, now);
        audit.record(PortalAudit.Kind.LINKED, patient, account, actor,
                step.invitationId() != null ? "With an invitation" : "With MRN, date of birth and the email on file");
        return Verification.ACCOUNT_READY;
    }

    private UUID sendCode(PendingVerifications.Purpose purpose, String email, String passwordHash,
                          Long patientInternalId, UUID patientId, Long invitationId, PatientDetails details,
                          String why) {
        UUID step = UUID.randomUUID();
        String code = PortalCodes.emailCode();
        Instant now = clock.instant();
        Instant expires = now.plus(settings.codeValidFor());
        pending.insert(step, purpose, email, PortalCodes.emailCodeHash(step, code), passwordHash, patientInternalId,
                patientId, null, invitationId, details, now, expires);
        mail.code(step, email, code, expires, why, patientInternalId);
        return step;
    }

    /** The details by the registry's rules (each problem by field), cleaned; the email address is required here. */
    private PatientDetails checked(SignUp request) {
        List<RuleViolation.Problem> problems = new ArrayList<>();
        rules.nameProblem(request.givenName()).ifPresent(p -> problems.add(new RuleViolation.Problem("givenName", p)));
        rules.nameProblem(request.familyName()).ifPresent(p -> problems.add(new RuleViolation.Problem("familyName", p)));
        rules.birthDateProblem(request.birthDate()).ifPresent(p -> problems.add(new RuleViolation.Problem("birthDate", p)));
        rules.sexProblem(request.sex()).ifPresent(p -> problems.add(new RuleViolation.Problem("sex", p)));
        rules.phoneProblem(request.phone()).ifPresent(p -> problems.add(new RuleViolation.Problem("phone", p)));
        rules.addressProblem(request.address()).ifPresent(p -> problems.add(new RuleViolation.Problem("address", p)));
        emailProblem(request.email()).ifPresent(p -> problems.add(new RuleViolation.Problem("email", p)));
        if (!problems.isEmpty()) {
            throw new RuleViolation(problems);
        }
        return new PatientDetails(Texts.clean(request.givenName()), Texts.clean(request.familyName()),
                request.birthDate(), false, request.sex(), phones.toE164(request.phone()).orElse(null),
                PortalAccountStore.normalized(request.email()), Texts.clean(request.address()));
    }

    private Optional<String> emailProblem(@org.jspecify.annotations.Nullable String email) {
        return emailProblem(rules, email);
    }

    /** An email address is required at the portal (it is the sign-in name), and must be valid by the registry's rule. */
    static Optional<String> emailProblem(PatientRules rules, @org.jspecify.annotations.Nullable String email) {
        if (Texts.clean(email) == null) {
            return Optional.of("Enter your email address");
        }
        return rules.emailProblem(email);
    }

    private record Invitation(long id, long patientInternalId, UUID patientId) {
    }
}
