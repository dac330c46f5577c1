package org.clinic.security.signin;

import org.jspecify.annotations.Nullable;

import java.time.Instant;

/**
 * One row of the authentication log.
 *
 * @param username  as typed at sign-in (trimmed, capped), or the account's; for an address pause, the name that
 *                  tipped it
 * @param address   where the attempt came from; for a pause or unlock of an address, that address
 * @param actedBy   the administrator, for an unlock
 */
public record SignInEvent(long id, Instant occurredAt, SignInEventKind kind, SignInReason reason,
                          @Nullable String username, @Nullable String address, @Nullable String userAgent,
                          @Nullable String actedBy) {
}
