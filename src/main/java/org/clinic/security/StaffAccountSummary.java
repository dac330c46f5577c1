package org.clinic.security;

import java.time.Instant;
import java.util.UUID;

/** A staff account as the administrators' screen shows it; never carries the password hash. */
public record StaffAccountSummary(UUID id, String username, String displayName, Role role, boolean enabled,
                                  Instant createdAt) {
}
