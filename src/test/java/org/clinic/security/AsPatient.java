package org.clinic.security;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;

import java.util.UUID;
import java.util.function.Supplier;

/**
 * Runs test code as a patient signed in to the portal, with the principal the portal's sign-in puts in the security
 * context; the portal account is a made-up one, derived from the patient so that audit names are predictable.
 */
public final class AsPatient {

    private AsPatient() {
    }

    /** The audit name that work done through {@link #run} is recorded under. */
    public static String auditName(long patientInternalId) {
        return PatientPrincipal.auditName(accountOf(patientInternalId));
    }

    public static <T> T run(UUID patientId, long patientInternalId, Supplier<T> work) {
        SecurityContext previous = SecurityContextHolder.getContext();
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        PatientPrincipal principal = new PatientPrincipal("patient" + patientInternalId + "@example.org", "", true,
                accountOf(patientInternalId), patientId, patientInternalId);
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(principal, null,
                principal.getAuthorities()));
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

    private static UUID accountOf(long patientInternalId) {
        return new UUID(0x5041544945L, patientInternalId);
    }
}
