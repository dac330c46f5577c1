package org.clinic.clinical;

import org.clinic.security.Role;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/** Who may do what with safety data: the role expressions of this module's services, and "is the reader a doctor?". */
final class ClinicalAccess {

    static final String DOCTORS = "hasRole('" + Role.DOCTOR_NAME + "')";
    static final String STAFF = "hasAnyRole('" + Role.RECEPTIONIST_NAME + "','" + Role.DOCTOR_NAME + "','"
            + Role.ADMIN_NAME + "')";

    private ClinicalAccess() {
    }

    /** Doctors see allergies, problems and clinical alerts; everyone else at most the non-clinical alerts. */
    static boolean seesClinical() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.getAuthorities().stream()
                .anyMatch(a -> Role.DOCTOR.authority().equals(a.getAuthority()));
    }
}
