package org.clinic.security;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

import java.util.Optional;

/** Who is acting now, for services that record it (audit trails, event logs): staff, a patient, or the system. */
@Component
public class CurrentStaff {

    /** The signed-in user name (a patient's audit name), or empty for anonymous callers. */
    public Optional<String> username() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !authentication.isAuthenticated()
                || "anonymousUser".equals(authentication.getPrincipal())) {
            return Optional.empty();
        }
        if (authentication.getPrincipal() instanceof PatientPrincipal patient) {
            return Optional.of(patient.auditName());
        }
        return Optional.of(authentication.getName());
    }

    /** The user name for records of who did what; "system" for work done by the application itself. */
    public String usernameForAudit() {
        return username().orElse(SystemAuthentication.SYSTEM_USERNAME);
    }
}
