package org.clinic.security;

import com.vaadin.flow.server.auth.AccessCheckResult;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import com.vaadin.flow.server.auth.NavigationAccessChecker;
import com.vaadin.flow.server.auth.NavigationContext;
import org.clinic.security.ui.HomeView;

/**
 * A patient signed in to the portal opens portal screens only: every other route is denied, whatever it says it
 * allows ({@code @PermitAll} means "any staff member" in this application), except the pages anyone may see
 * (sign-in, error pages) and the start address, which sends a patient to the portal. Staff are kept out of the
 * portal by its views' {@code @RolesAllowed(PATIENT)}.
 */
final class PortalBoundary implements NavigationAccessChecker {

    static final String PORTAL_PACKAGE = "org.clinic.portal";

    @Override
    public AccessCheckResult check(NavigationContext context) {
        if (!context.hasRole(CurrentPatient.ROLE_NAME)) {
            return AccessCheckResult.neutral();
        }
        Class<?> target = context.getNavigationTarget();
        if (isPortalView(target) || target.isAnnotationPresent(AnonymousAllowed.class) || target == HomeView.class) {
            return AccessCheckResult.neutral();
        }
        return AccessCheckResult.deny("A patient opens portal screens only");
    }

    static boolean isPortalView(Class<?> target) {
        return target.getPackageName().equals(PORTAL_PACKAGE) || target.getPackageName().startsWith(PORTAL_PACKAGE + ".");
    }
}
