package org.clinic.security;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

import java.util.function.Supplier;

/**
 * A self check-in kiosk checks a patient in through the front desk's own check-in service (the same window and
 * once-only rules), after it has verified the patient's code itself. Only a signed-in KIOSK account may do so; the
 * work runs with the front desk's role and is recorded under the kiosk's own account name.
 */
public final class KioskActs {

    private KioskActs() {
    }

    public static <T> T asFrontDesk(Supplier<T> work) {
        Authentication current = SecurityContextHolder.getContext().getAuthentication();
        if (current == null || !current.isAuthenticated() || current.getAuthorities().stream()
                .noneMatch(a -> Role.KIOSK.authority().equals(a.getAuthority()))) {
            throw new AccessDeniedException("Only a check-in kiosk acts for the front desk");
        }
        return SystemAuthentication.runAs(current.getName(), Role.RECEPTIONIST, work);
    }
}
