package org.clinic.portal;

import org.clinic.patient.PatientReference;
import org.clinic.patient.PatientService;
import org.clinic.security.Role;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

/**
 * A portal account made by the application itself with a known password (by the clinic's password policy, like
 * any other) and the email address taken as verified:
 * only for seeding a demonstration clinic (administrators' authority, run by the demo at start-up).
 */
@Service
@PreAuthorize("hasRole('" + Role.ADMIN_NAME + "')")
public class PortalSeeding {

    private final PatientService patients;
    private final PortalAccountStore accounts;
    private final PortalPasswords passwords;
    private final PortalAudit audit;
    private final Clock clock;

    PortalSeeding(PatientService patients, PortalAccountStore accounts, PortalPasswords passwords, PortalAudit audit,
                  Clock clock) {
        this.patients = patients;
        this.accounts = accounts;
        this.passwords = passwords;
        this.audit = audit;
        this.clock = clock;
    }

    /** False when the patient or the email address has an account already (seeding runs at every start). */
    @Transactional
    public boolean seedAccount(UUID patientId, String email, String password) {
        PatientReference patient = patients.reference(patientId);
        if (accounts.activeOfPatient(patient.internalId()).isPresent() || accounts.activeWithEmail(email).isPresent()) {
            return false;
        }
        Instant now = clock.instant();
        UUID accountId = UUID.randomUUID();
        long account = accounts.insert(accountId, email, passwords.hash("password", password, email, patient.fullName()), patient.internalId(), patient.id(),
                now, now);
        audit.record(PortalAudit.Kind.LINKED, patient.internalId(), account, "system", "Demo account");
        return true;
    }

    /** Whether this email address signs in to a portal account. */
    @Transactional(readOnly = true)
    public boolean hasAccount(String email) {
        return accounts.activeWithEmail(email).isPresent();
    }
}
