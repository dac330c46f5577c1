package org.clinic.portal;

import org.clinic.base.RuleViolation;
import org.clinic.patient.OwnPatientRecord;
import org.clinic.patient.PatientRecord;
import org.clinic.security.CurrentPatient;
import org.clinic.security.PatientPrincipal;
import org.clinic.security.SystemAuthentication;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * The signed-in patient's own profile: contact details (by the registry's rules, into the record's history), the
 * reminder preference, the email address (in effect only once the code sent to the new address is entered) and the
 * password. Always the signed-in patient's own: nothing here takes a patient id.
 */
@Service
@PreAuthorize(CurrentPatient.SIGNED_IN)
public class PortalProfileService {

    static final String WRONG_PASSWORD = "This is not your current password";

    private final OwnPatientRecord record;
    private final PortalAccountStore accounts;
    private final PendingVerifications pending;
    private final PortalPasswords passwords;
    private final PasswordEncoder encoder;
    private final PortalRateLimits rates;
    private final PortalMail mail;
    private final PortalAudit audit;
    private final PortalSettings settings;
    private final CurrentPatient currentPatient;
    private final org.clinic.patient.PatientRules rules;
    private final TransactionTemplate transaction;
    private final Clock clock;

    PortalProfileService(OwnPatientRecord record, PortalAccountStore accounts, PendingVerifications pending,
                         PortalPasswords passwords, PasswordEncoder encoder, PortalRateLimits rates, PortalMail mail,
                         PortalAudit audit, PortalSettings settings, CurrentPatient currentPatient,
                         org.clinic.patient.PatientRules rules, PlatformTransactionManager transactions, Clock clock) {
        this.record = record;
        this.accounts = accounts;
        this.pending = pending;
        this.passwords = passwords;
        this.encoder = encoder;
        this.rates = rates;
        this.mail = mail;
        this.audit = audit;
        this.settings = settings;
        this.currentPatient = currentPatient;
        this.rules = rules;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    /** The profile; a read of the patient's record, logged with their account as the reader. */
    @Transactional
    public Profile profile() {
        return profile(record.read());
    }

    @Transactional
    public Profile changeContact(@Nullable String phone, @Nullable String address) {
        return profile(record.changeContact(phone, address));
    }

    @Transactional
    public Profile emailReminders(boolean allowed) {
        return profile(record.allowEmailMessages(allowed));
    }

    /** Emails a code to the new address; the address changes only when the code is entered ({@link #confirmEmail}). */
    @Transactional
    public UUID changeEmail(@Nullable String newEmail, String fromAddress) {
        PortalAccountStore.Account me = mine();
        SignUpService.emailProblem(rules, newEmail).ifPresent(problem -> {
            throw new RuleViolation("email", problem);
        });
        String email = PortalAccountStore.normalized(newEmail);
        if (email.equals(me.email())) {
            throw new RuleViolation("email", "This is already your email address");
        }
        rates.fromAddress(PortalRateLimits.Action.CODE, fromAddress);
        rates.forEmail(PortalRateLimits.Action.EMAIL, "account:" + me.publicId());
        UUID step = UUID.randomUUID();
        String code = PortalCodes.emailCode();
        Instant now = clock.instant();
        Instant expires = now.plus(settings.codeValidFor());
        pending.insert(step, PendingVerifications.Purpose.EMAIL_CHANGE, email, PortalCodes.emailCodeHash(step, code),
                null, me.patientInternalId(), null, me.id(), null, null, now, expires);
        mail.code(step, email, code, expires, "To use this email address for the patient portal, confirm it.",
                me.patientInternalId());
        return step;
    }

    /**
     * The code sent to the new address: the account signs in with it from now on, and the record's email address
     * (where reminders go) becomes it too. False when the code is not right (or no longer valid).
     */
    @PreAuthorize(CurrentPatient.SIGNED_IN)
    public boolean confirmEmail(UUID step, String code, String fromAddress) {
        rates.fromAddress(PortalRateLimits.Action.CODE, fromAddress);
        PatientPrincipal me = currentPatient.require();
        return Boolean.TRUE.equals(transaction.execute(tx -> {
            PortalAccountStore.Account account = accounts.lock(me.accountId()).filter(PortalAccountStore.Account::active)
                    .orElseThrow(() -> new RuleViolation(null, "Your portal access has ended"));
            Optional<PendingVerifications.Pending> found = pending.check(step, code == null ? "" : code,
                    settings.codeTries(), clock.instant());
            if (found.isEmpty() || found.get().purpose() != PendingVerifications.Purpose.EMAIL_CHANGE
                    || !Objects.equals(found.get().accountId(), account.id())) {
                return false;
            }
            String email = found.get().email();
            if (accounts.activeWithEmail(email).isPresent()) {
                throw new RuleViolation("email", Verification.EMAIL_TAKEN.message());
            }
            accounts.changeEmail(account.id(), email);
            SystemAuthentication.runAsPortal(me.auditName(), () -> {
                record.changeVerifiedEmail(me.patientId(), email);
                return null;
            });
            audit.record(PortalAudit.Kind.EMAIL_CHANGED, account.patientInternalId(), account.id(), me.auditName(),
                    null);
            return true;
        }));
    }

    /** Changes the password: the current one first, then the new one by the clinic's policy. */
    @Transactional
    public void changePassword(@Nullable String currentPassword, @Nullable String newPassword) {
        PortalAccountStore.Account me = mine();
        if (currentPassword == null || !encoder.matches(currentPassword, me.passwordHash())) {
            throw new RuleViolation("currentPassword", WRONG_PASSWORD);
        }
        PatientRecord patient = record.read();
        String hash = passwords.hash("newPassword", newPassword, me.email(), patient.fullName());
        accounts.changePasswordHash(me.id(), hash);
        audit.record(PortalAudit.Kind.PASSWORD_CHANGED, me.patientInternalId(), me.id(),
                PatientPrincipal.auditName(me.publicId()), null);
    }

    private PortalAccountStore.Account mine() {
        return accounts.byPublicId(currentPatient.accountId()).filter(PortalAccountStore.Account::active)
                .orElseThrow(() -> new RuleViolation(null, "Your portal access has ended"));
    }

    private Profile profile(PatientRecord patient) {
        PortalAccountStore.Account me = mine();
        return new Profile(patient.givenName(), patient.familyName(), patient.displayMrn(), patient.phone(),
                patient.address(), me.email(), patient.emailMessages());
    }
}
