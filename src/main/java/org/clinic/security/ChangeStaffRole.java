package org.clinic.security;

import jakarta.validation.constraints.NotNull;

import java.util.UUID;

/**
 * A role change as the administrator confirmed it: from the role they were shown to the new one. If the account's
 * role is no longer {@code from} (another administrator changed it meanwhile), nothing is changed.
 */
public record ChangeStaffRole(
        @NotNull UUID accountId,
        @NotNull(message = "The current role is missing") Role from,
        @NotNull(message = "Choose the new role") Role to) {
}
