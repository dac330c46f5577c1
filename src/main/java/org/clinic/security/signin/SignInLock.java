package org.clinic.security.signin;

import java.time.Instant;

/** A user name or address whose sign-in is paused now, until {@code lockedUntil}. */
public record SignInLock(LockScope scope, String subject, int failures, Instant lastFailureAt, Instant lockedUntil) {
}
