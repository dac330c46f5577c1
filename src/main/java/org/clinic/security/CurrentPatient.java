package org.clinic.security;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

import java.util.Optional;
import java.util.UUID;

/**
 * The patient signed in to the portal, for services that act for them: the patient id always comes from here (the
 * signed-in principal), never from the caller, so no request can name another patient.
 * <p>
 * Secure a patient's service method with {@code @PreAuthorize(CurrentPatient.SIGNED_IN)}.
 */
@Component
public class CurrentPatient {

    /** The portal's one role, for {@code @RolesAllowed} and {@code hasRole(...)}; never a staff {@link Role}. */
    public static final String ROLE_NAME = "PATIENT";
    public static final String AUTHORITY = "ROLE_" + ROLE_NAME;
    /** {@code @PreAuthorize} expression: a patient signed in to the portal. */
    public static final String SIGNED_IN = "hasRole('" + ROLE_NAME + "')";

    /** The signed-in patient, or empty when the caller is anyone else (anonymous, staff, a device). */
    public Optional<PatientPrincipal> principal() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.isAuthenticated()
                && authentication.getPrincipal() instanceof PatientPrincipal patient
                ? Optional.of(patient) : Optional.empty();
    }

    /** The signed-in patient; refused when the caller is not one. */
    public PatientPrincipal require() {
        return principal().orElseThrow(() -> new AccessDeniedException("Only a patient signed in to the portal"));
    }

    /** The signed-in patient's own registry id (public). */
    public UUID patientId() {
        return require().patientId();
    }

    /** The signed-in patient's own registry id (internal, for other modules' foreign keys). */
    public long patientInternalId() {
        return require().patientInternalId();
    }

    /** The signed-in patient's portal account. */
    public UUID accountId() {
        return require().accountId();
    }
}
