package org.clinic.security;

import java.time.Instant;
import java.util.UUID;

/**
 * A staff account as the administrators' screen shows it; never carries the password hash.
 *
 * @param displayInitials for a DISPLAY account, whether it shows patients' initials next to tokens
 */
public record StaffAccountSummary(UUID id, String username, String displayName, Role role, boolean enabled,
                                  Instant createdAt, boolean displayInitials) {
}
