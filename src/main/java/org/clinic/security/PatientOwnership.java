package org.clinic.security;

import org.springframework.stereotype.Component;

import java.util.Collection;
import java.util.UUID;

/**
 * The ownership half of {@link #OWN_RECORD}: a method that serves staff for any patient serves a patient signed in
 * to the portal for their own record only. For {@code @PreAuthorize} expressions ({@code @patientOwnership.is(…)}).
 */
@Component("patientOwnership")
public class PatientOwnership {

    /** Appended to a staff expression: a signed-in patient may also pass, for their own record ({@code #patientId}). */
    public static final String OWN_RECORD = "(hasRole('" + CurrentPatient.ROLE_NAME
            + "') and @patientOwnership.is(#patientId))";

    private final CurrentPatient currentPatient;

    PatientOwnership(CurrentPatient currentPatient) {
        this.currentPatient = currentPatient;
    }

    /** Whether this patient (public id) is the one signed in. */
    public boolean is(UUID patientId) {
        return currentPatient.principal().map(p -> p.patientId().equals(patientId)).orElse(false);
    }

    /** Whether this patient (internal id) is the one signed in. */
    public boolean isInternal(long patientInternalId) {
        return currentPatient.principal().map(p -> p.patientInternalId() == patientInternalId).orElse(false);
    }

    /** Whether every one of these patients (internal ids) is the one signed in. */
    public boolean ownsAll(Collection<Long> patientInternalIds) {
        return currentPatient.principal().map(p -> patientInternalIds.stream()
                .allMatch(id -> id == p.patientInternalId())).orElse(false);
    }

    /** Whether every one of these patients (public ids) is the one signed in. */
    public boolean ownsAllOf(Collection<UUID> patientIds) {
        return currentPatient.principal().map(p -> patientIds.stream().allMatch(p.patientId()::equals))
                .orElse(false);
    }
}
