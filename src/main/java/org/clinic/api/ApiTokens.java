package org.clinic.api;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * Finds the integration account of a bearer secret: by the secret's SHA-256, one indexed lookup per call, so a
 * revocation or an expiry refuses the very next call. Not a secured service: it runs before anyone is authenticated.
 */
@Component
class ApiTokens {

    private final ApiTokenStore store;
    private final Clock clock;

    ApiTokens(ApiTokenStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** The usable token with this secret, or empty (unknown, revoked or expired: the caller is not told which). */
    @Transactional
    public Optional<ApiClient> authenticate(String secret) {
        if (!ApiTokenSecrets.looksLikeOne(secret)) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        return store.bySecretHash(ApiTokenSecrets.hash(secret))
                .filter(row -> row.revokedAt() == null && (row.expiresAt() == null || now.isBefore(row.expiresAt())))
                .map(row -> {
                    if (row.lastUsedAt() == null || row.lastUsedAt().isBefore(now.minusSeconds(60))) {
                        store.touch(row.id(), now); // at most once a minute per token, not per call
                    }
                    return new ApiClient(row.id(), row.publicId(), row.name(), row.role(), row.doctorUsername());
                });
    }
}
