package org.clinic.portal;

import org.jspecify.annotations.Nullable;

import java.time.Instant;

/**
 * Whether a registry patient has portal access, as reception sees it on the record.
 *
 * @param since         when the account was created (its email address verified), or null without access
 * @param email         the address the patient signs in with
 * @param invitationUntil until when an unused invitation is valid, if one is out
 */
public record PortalAccess(@Nullable Instant since, @Nullable String email, @Nullable Instant invitationUntil) {

    public boolean hasAccess() {
        return since != null;
    }
}
