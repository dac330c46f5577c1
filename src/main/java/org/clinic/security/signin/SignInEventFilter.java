package org.clinic.security.signin;

import org.jspecify.annotations.Nullable;

import java.time.LocalDate;

/**
 * Which authentication events to list; every part is optional.
 *
 * @param username a user name or its beginning
 * @param from     first day (clinic time), inclusive
 * @param to       last day (clinic time), inclusive
 */
public record SignInEventFilter(@Nullable String username, @Nullable SignInEventKind kind, @Nullable LocalDate from,
                                @Nullable LocalDate to) {

    public static final SignInEventFilter ALL = new SignInEventFilter(null, null, null, null);
}
