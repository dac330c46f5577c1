package org.clinic.security;

import org.clinic.base.NotFoundException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

import java.util.Collection;
import java.util.Optional;
import java.util.UUID;

/**
 * The patient signed in to the portal, if any. Also the bean behind the ownership half of {@link #OWN_RECORD}: a
 * method that serves staff for any patient serves a patient only for their own record.
 */
@Component("signedInPatient")
public class SignedInPatient {

    public static final String PATIENT_NAME = "PATIENT";
    /** For portal services: a signed-in patient, whose own record is the only one they act on. */
    public static final String PATIENT = "hasRole('" + PATIENT_NAME + "')";
    /** Appended to a staff expression: a signed-in patient may also pass, for their own record ({@code #patientId}). */
    public static final String OWN_RECORD = "(hasRole('" + PATIENT_NAME + "') and @signedInPatient.is(#patientId))";

    public Optional<PatientPrincipal> current() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.isAuthenticated()
                && authentication.getPrincipal() instanceof PatientPrincipal patient) {
            return Optional.of(patient);
        }
        return Optional.empty();
    }

    /** The signed-in patient; a caller that is none gets "not found", the same as for anything not theirs. */
    public PatientPrincipal require() {
        return current().orElseThrow(() -> new NotFoundException("Not signed in as a patient"));
    }

    public boolean is(UUID patientId) {
        return current().map(p -> p.patientId().equals(patientId)).orElse(false);
    }

    public boolean isInternal(long patientInternalId) {
        return current().map(p -> p.patientInternalId() == patientInternalId).orElse(false);
    }

    /** Whether every one of these patients (public ids) is the signed-in patient. */
    public boolean ownsAllOf(Collection<UUID> patientIds) {
        return current().map(p -> patientIds.stream().allMatch(p.patientId()::equals)).orElse(false);
    }

    public boolean ownsAll(Collection<Long> patientInternalIds) {
        return current().map(p -> patientInternalIds.stream().allMatch(id -> id == p.patientInternalId()))
                .orElse(false);
    }
}
