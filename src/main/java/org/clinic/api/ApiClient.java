package org.clinic.api;

import org.clinic.security.Role;
import org.jspecify.annotations.Nullable;

import java.util.UUID;

/**
 * The integration account behind an API call: its token and the role it acts with. A reception token acts as
 * {@code api:<name>}, which audit trails and the access log record; a doctor's token acts as that doctor's user name,
 * so a doctor's own rules (their queue only, care relationships before reading a record) apply to it unchanged.
 */
public record ApiClient(long tokenId, UUID tokenPublicId, String tokenName, Role role,
                        @Nullable String doctorUsername) {

    static final String ACTOR_PREFIX = "api:";

    /** The user name services see for this call. */
    public String actor() {
        return role == Role.DOCTOR && doctorUsername != null ? doctorUsername : ACTOR_PREFIX + tokenName;
    }
}
