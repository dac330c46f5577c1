package org.clinic.security;

/** What a staff account may do. DISPLAY is a waiting-room screen device, not a person. */
public enum Role {
    ADMIN("Administrator"),
    RECEPTIONIST("Receptionist"),
    DOCTOR("Doctor"),
    DISPLAY("Waiting-room display");

    /** Names for {@code @RolesAllowed} and {@code hasRole(...)}, so annotations cannot misspell a role. */
    public static final String ADMIN_NAME = "ADMIN";
    public static final String RECEPTIONIST_NAME = "RECEPTIONIST";
    public static final String DOCTOR_NAME = "DOCTOR";
    public static final String DISPLAY_NAME = "DISPLAY";

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
}
