package org.clinic.security;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A new staff account. The same constraints check the form and the service; the rest of the password policy
 * (common passwords, the person's own name) is {@link StaffPasswords}', with its messages.
 */
public record CreateStaffAccount(
        @NotBlank(message = "Enter a user name")
        @Pattern(regexp = "^[a-z0-9][a-z0-9._-]{2,49}$",
                message = "3–50 lower-case letters, digits, dots, dashes or underscores")
        String username,

        @NotBlank(message = "Enter the person's name")
        @Size(min = 2, max = 100, message = "2–100 characters")
        String displayName,

        @NotNull(message = "Enter a password")
        @Size(min = StaffPasswords.MIN_LENGTH, message = StaffPasswords.TOO_SHORT)
        @Size(max = StaffPasswords.MAX_LENGTH, message = StaffPasswords.TOO_LONG)
        String password,

        @NotNull(message = "Choose a role")
        Role role) {
}
