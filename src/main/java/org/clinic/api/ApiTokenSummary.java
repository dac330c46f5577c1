package org.clinic.api;

import org.clinic.security.Role;
import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.util.UUID;

/**
 * An API token as administrators see it: never the secret, only its first characters ({@code secretHint}) to tell
 * tokens apart. {@code lastUsedAt} is updated at most once a minute.
 */
public record ApiTokenSummary(UUID id, String name, Role role, @Nullable UUID doctorId, @Nullable String doctorName,
                              String secretHint, Instant createdAt, String createdBy, @Nullable Instant expiresAt,
                              @Nullable Instant revokedAt, @Nullable String revokedBy, @Nullable Instant lastUsedAt) {

    public boolean usableAt(Instant now) {
        return revokedAt == null && (expiresAt == null || now.isBefore(expiresAt));
    }

    /** "Active", "Revoked" or "Expired", as the token screen says it. */
    public String status(Instant now) {
        return revokedAt != null ? "Revoked" : usableAt(now) ? "Active" : "Expired";
    }
}
