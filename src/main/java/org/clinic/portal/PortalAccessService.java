package org.clinic.portal;

import org.clinic.base.RuleViolation;
import org.clinic.patient.PatientReference;
import org.clinic.patient.PatientService;
import org.clinic.security.CurrentStaff;
import org.clinic.security.PatientSessions;
import org.clinic.security.Role;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

/**
 * Reception's side of portal access, on the patient record: whether the patient has it, an invitation code to hand
 * out (single use, replacing any earlier unused one), and revoking access, which ends the patient's open portal
 * sessions. Each is recorded in the portal's audit trail.
 */
@Service
@PreAuthorize("hasAnyRole('" + Role.RECEPTIONIST_NAME + "','" + Role.ADMIN_NAME + "')")
public class PortalAccessService {

    private final PatientService patients;
    private final PortalAccountStore accounts;
    private final PatientSessions sessions;
    private final PortalAudit audit;
    private final PortalSettings settings;
    private final CurrentStaff currentStaff;
    private final JdbcClient jdbc;
    private final Clock clock;

    PortalAccessService(PatientService patients, PortalAccountStore accounts, PatientSessions sessions,
                        PortalAudit audit, PortalSettings settings, CurrentStaff currentStaff, JdbcClient jdbc,
                        Clock clock) {
        this.patients = patients;
        this.accounts = accounts;
        this.sessions = sessions;
        this.audit = audit;
        this.settings = settings;
        this.currentStaff = currentStaff;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public PortalAccess accessOf(UUID patientId) {
        PatientReference patient = patients.reference(patientId);
        Instant invitationUntil = jdbc.sql("SELECT MAX(expires_at) FROM portal_invitation WHERE patient_id = :p"
                        + " AND used_at IS NULL AND expires_at > :now")
                .param("p", patient.internalId()).param("now", Timestamp.from(clock.instant()))
                .query((rs, row) -> rs.getTimestamp(1) == null ? null : rs.getTimestamp(1).toInstant())
                .optional().orElse(null);
        return accounts.activeOfPatient(patient.internalId())
                .map(a -> new PortalAccess(a.verifiedAt(), a.email(), invitationUntil))
                .orElse(new PortalAccess(null, null, invitationUntil));
    }

    /** A new invitation code for the patient, valid for {@code clinic.portal.invitation-valid-for}; shown once. */
    @Transactional
    public Invitation invite(UUID patientId) {
        PatientReference patient = patients.reference(patientId);
        if (!patient.active()) {
            throw new RuleViolation(null, "This patient is inactive; reactivate the record before inviting them");
        }
        if (accounts.activeOfPatient(patient.internalId()).isPresent()) {
            throw new RuleViolation(null, "This patient already has portal access");
        }
        Instant now = clock.instant();
        jdbc.sql("UPDATE portal_invitation SET expires_at = GREATEST(created_at + INTERVAL 1 MICROSECOND, :now)"
                        + " WHERE patient_id = :p AND used_at IS NULL AND expires_at > :now")
                .param("p", patient.internalId()).param("now", Timestamp.from(now)).update();
        String code = PortalCodes.invitationCode();
        Instant expires = now.plus(settings.invitationValidFor());
        String by = currentStaff.usernameForAudit();
        jdbc.sql("INSERT INTO portal_invitation (code_hash, patient_id, patient_public_id, created_at, created_by,"
                        + " expires_at) VALUES (:hash, :p, :pid, :now, :by, :expires)")
                .param("hash", PortalCodes.invitationHash(code)).param("p", patient.internalId())
                .param("pid", patient.id().toString()).param("now", Timestamp.from(now)).param("by", by)
                .param("expires", Timestamp.from(expires)).update();
        audit.record(PortalAudit.Kind.INVITATION_CREATED, patient.internalId(), null, by, null);
        return new Invitation(code, expires);
    }

    /** Ends the patient's portal access: the account can no longer sign in, and open sessions end at once. */
    @Transactional
    public void revoke(UUID patientId) {
        PatientReference patient = patients.reference(patientId);
        PortalAccountStore.Account account = accounts.activeOfPatient(patient.internalId())
                .orElseThrow(() -> new RuleViolation(null, "This patient has no portal access to revoke"));
        String by = currentStaff.usernameForAudit();
        if (!accounts.revoke(account.id(), clock.instant(), by)) {
            throw new RuleViolation(null, "Access was revoked at the same moment by someone else");
        }
        audit.record(PortalAudit.Kind.REVOKED, patient.internalId(), account.id(), by, null);
        sessions.endSessionsOf(account.publicId());
    }
}
