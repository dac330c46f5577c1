package org.clinic.security;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;

import java.util.List;
import java.util.function.Supplier;

/**
 * Work the application does by itself (start-up data, scheduled jobs) runs through the same secured services as
 * people do, as the "system" user with the given role.
 */
public final class SystemAuthentication {

    static final String SYSTEM_USERNAME = "system";

    private SystemAuthentication() {
    }

    public static <T> T runAs(Role role, Supplier<T> work) {
        return runAs(SYSTEM_USERNAME, role, work);
    }

    /** Runs as the given user name with one role (the system itself, or a named member of staff in tests). */
    static <T> T runAs(String username, Role role, Supplier<T> work) {
        return runAs(username, role, List.of(), work);
    }

    /** The same, with marker authorities besides the role (the channel a kiosk acts through, {@link Channels}). */
    static <T> T runAs(String username, Role role, List<String> markers, Supplier<T> work) {
        List<SimpleGrantedAuthority> authorities = new java.util.ArrayList<>();
        authorities.add(new SimpleGrantedAuthority(role.authority()));
        markers.forEach(marker -> authorities.add(new SimpleGrantedAuthority(marker)));
        return within(UsernamePasswordAuthenticationToken.authenticated(username, null, authorities), work);
    }

    /**
     * Runs the work with this authentication. Inside a signed-in person's Vaadin request the security context is
     * read from their Vaadin session first (VaadinAwareSecurityContextHolderStrategy), which would hide the one set
     * here: that Vaadin session is then set aside for the duration of the work, and restored.
     */
    private static <T> T within(org.springframework.security.core.Authentication authentication, Supplier<T> work) {
        com.vaadin.flow.server.VaadinSession vaadin = signedInVaadinSession();
        if (vaadin != null) {
            com.vaadin.flow.server.VaadinSession.setCurrent(null);
        }
        SecurityContext previous = SecurityContextHolder.getContext();
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(authentication);
        SecurityContextHolder.setContext(context);
        try {
            return work.get();
        } finally {
            SecurityContextHolder.setContext(previous);
            if (vaadin != null) {
                com.vaadin.flow.server.VaadinSession.setCurrent(vaadin);
            }
        }
    }

    private static com.vaadin.flow.server.VaadinSession signedInVaadinSession() {
        com.vaadin.flow.server.VaadinSession vaadin = com.vaadin.flow.server.VaadinSession.getCurrent();
        return vaadin != null && vaadin.getSession() != null && vaadin.getSession().getAttribute(
                org.springframework.security.web.context.HttpSessionSecurityContextRepository
                        .SPRING_SECURITY_CONTEXT_KEY) != null ? vaadin : null;
    }

    /** The authority of work the portal does for a person who is not signed in yet (sign-up, linking a record). */
    public static final String PORTAL_AUTHORITY = "ROLE_PORTAL";
    /** {@code @PreAuthorize} expression for what the portal may do on a person's behalf. */
    public static final String PORTAL = "hasRole('PORTAL')";

    /**
     * Runs what the portal does for a person (registering them once their email address is verified, sending them
     * a code) under the narrow PORTAL authority, recorded in audit trails as {@code actor} (e.g. the new
     * account's {@code portal:<id>}). Only services that allow {@link #PORTAL} accept it.
     */
    public static <T> T runAsPortal(String actor, Supplier<T> work) {
        return within(UsernamePasswordAuthenticationToken.authenticated(actor, null,
                List.of(new SimpleGrantedAuthority(PORTAL_AUTHORITY))), work);
    }

    public static void runAs(Role role, Runnable work) {
        runAs(role, () -> {
            work.run();
            return null;
        });
    }
}
