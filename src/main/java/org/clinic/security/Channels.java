package org.clinic.security;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which way the current act came in, for the meters ({@code channel} tag): {@code desk} (staff on their screens),
 * {@code kiosk} (a self check-in kiosk acting for the front desk, {@link KioskActs}), {@code portal} (a patient
 * signed in, or the portal acting for one), {@code api} (an integration account, which carries
 * {@link #API_AUTHORITY}), {@code system} (scheduled work).
 */
public final class Channels {

    /** Marks the front desk's authority while a kiosk checks a patient in. */
    static final String KIOSK_AUTHORITY = "CHANNEL_KIOSK";
    /** For authentications of the REST API's integration accounts. */
    public static final String API_AUTHORITY = "CHANNEL_API";

    private Channels() {
    }

    public static String current() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null) {
            return "system";
        }
        Set<String> authorities = authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .collect(Collectors.toSet());
        if (authorities.contains(KIOSK_AUTHORITY)) {
            return "kiosk";
        }
        if (authorities.contains(API_AUTHORITY)) {
            return "api";
        }
        if (authorities.contains(CurrentPatient.AUTHORITY) || authorities.contains(SystemAuthentication.PORTAL_AUTHORITY)) {
            return "portal";
        }
        if (SystemAuthentication.SYSTEM_USERNAME.equals(authentication.getName())) {
            return "system";
        }
        return "desk";
    }
}
