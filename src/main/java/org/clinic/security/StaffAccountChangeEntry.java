package org.clinic.security;

import org.jspecify.annotations.Nullable;

import java.time.Instant;

/** One change to a staff account, as the administrators' history shows it: when, by whom, what. */
public record StaffAccountChangeEntry(Instant at, String changedBy, Kind kind, @Nullable Role roleBefore,
                                      @Nullable Role roleAfter) {

    /** What was changed; the database keeps the same list (ck_staff_account_change_kind). */
    public enum Kind {
        CREATED, ROLE_CHANGED, PASSWORD_RESET, DISABLED, ENABLED, INITIALS_SHOWN, INITIALS_HIDDEN
    }

    /** The change in words, e.g. "Role changed from Doctor to Administrator". */
    public String description() {
        return switch (kind) {
            case CREATED -> "Created as " + label(roleAfter);
            case ROLE_CHANGED -> "Role changed from " + label(roleBefore) + " to " + label(roleAfter);
            case PASSWORD_RESET -> "Password reset; signed out everywhere";
            case DISABLED -> "Disabled; signed out everywhere";
            case ENABLED -> "Enabled";
            case INITIALS_SHOWN -> "Display shows patients' initials next to tokens";
            case INITIALS_HIDDEN -> "Display shows tokens only";
        };
    }

    private static String label(@Nullable Role role) {
        return role == null ? "?" : role.label();
    }
}
