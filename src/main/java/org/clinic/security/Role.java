package org.clinic.security;

/**
 * What a staff account may do. DISPLAY (a waiting-room screen) and KIOSK (a self check-in kiosk) are devices, not
 * people: they stay signed in and are never signed out for being idle.
 */
public enum Role {
    ADMIN("Administrator"),
    RECEPTIONIST("Receptionist"),
    DOCTOR("Doctor"),
    DISPLAY("Waiting-room display"),
    KIOSK("Check-in kiosk");

    /** Names for {@code @RolesAllowed} and {@code hasRole(...)}, so annotations cannot misspell a role. */
    public static final String ADMIN_NAME = "ADMIN";
    public static final String RECEPTIONIST_NAME = "RECEPTIONIST";
    public static final String DOCTOR_NAME = "DOCTOR";
    public static final String DISPLAY_NAME = "DISPLAY";
    public static final String KIOSK_NAME = "KIOSK";

    private final String label;

    Role(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public String authority() {
        return "ROLE_" + name();
    }

    /** A device account: remembered across restarts, exempt from idle sign-out. */
    public boolean isDevice() {
        return this == DISPLAY || this == KIOSK;
    }
}
