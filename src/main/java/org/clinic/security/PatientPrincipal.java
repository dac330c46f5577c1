package org.clinic.security;

import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;

import java.util.List;
import java.util.UUID;

/**
 * A patient signed in to the portal, as Spring Security keeps it in the session: never a staff member, holding the
 * one role {@value CurrentPatient#ROLE_NAME}. The user name is the email address they sign in with; the ids say
 * which portal account and which registry patient they are, so a service never needs to be told.
 */
public final class PatientPrincipal extends User {

    private final UUID accountId;
    private final UUID patientId;
    private final long patientInternalId;

    /**
     * @param active false for an account that may not sign in (revoked): Spring Security refuses it after the
     *               password was checked
     */
    public PatientPrincipal(String email, String passwordHash, boolean active, UUID accountId, UUID patientId,
                            long patientInternalId) {
        super(email, passwordHash, active, true, true, true,
                List.of(new SimpleGrantedAuthority(CurrentPatient.AUTHORITY)));
        this.accountId = accountId;
        this.patientId = patientId;
        this.patientInternalId = patientInternalId;
    }

    public UUID accountId() {
        return accountId;
    }

    /** The registry patient's public id. */
    public UUID patientId() {
        return patientId;
    }

    /** The registry patient's internal id, for other modules' foreign keys; never shown. */
    public long patientInternalId() {
        return patientInternalId;
    }

    /** How audit trails name this patient's actions (fits their 50-character columns; emails may not). */
    public String auditName() {
        return auditName(accountId);
    }

    public static String auditName(UUID accountId) {
        return "portal:" + accountId;
    }

    @Override
    public boolean equals(Object other) {
        return super.equals(other); // by user name, as Spring Security's User
    }

    @Override
    public int hashCode() {
        return super.hashCode();
    }
}
