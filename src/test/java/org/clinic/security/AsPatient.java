package org.clinic.security;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;

import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

/** Runs test code as a patient signed in to the portal (what the portal's sign-in puts in the security context). */
public final class AsPatient {

    public record Principal(UUID patientId, long patientInternalId, String auditName) implements PatientPrincipal {
    }

    private AsPatient() {
    }

    public static <T> T run(UUID patientId, long patientInternalId, Supplier<T> work) {
        SecurityContext previous = SecurityContextHolder.getContext();
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        Principal principal = new Principal(patientId, patientInternalId, "patient:" + patientInternalId);
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(principal, null,
                List.of(new SimpleGrantedAuthority("ROLE_" + SignedInPatient.PATIENT_NAME))));
        SecurityContextHolder.setContext(context);
        try {
            return work.get();
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }

    public static void run(UUID patientId, long patientInternalId, Runnable work) {
        run(patientId, patientInternalId, () -> {
            work.run();
            return null;
        });
    }
}
