package org.clinic.security.signin;

import org.clinic.base.ClinicSettings;
import org.clinic.base.RuleViolation;
import org.clinic.security.CurrentStaff;
import org.clinic.security.Role;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** Administrators see which sign-ins are locked and unlock them, and read the authentication log. */
@Service
@PreAuthorize("hasRole('" + Role.ADMIN_NAME + "')")
public class SignInSecurityService {

    static final int MAX_PAGE = 500;

    private final SignInThrottle throttle;
    private final SignInLog log;
    private final CurrentStaff currentStaff;
    private final ClinicSettings clinic;

    SignInSecurityService(SignInThrottle throttle, SignInLog log, CurrentStaff currentStaff, ClinicSettings clinic) {
        this.throttle = throttle;
        this.log = log;
        this.currentStaff = currentStaff;
        this.clinic = clinic;
    }

    /** User names and addresses whose sign-in is locked now. */
    @Transactional(readOnly = true)
    public List<SignInLock> lockedNow() {
        return throttle.lockedNow();
    }

    /**
     * Unlocks at once (the person may try again, with a fresh count) and logs who unlocked it; false if it was
     * not locked any more.
     */
    @Transactional
    public boolean unlock(LockScope scope, String subject) {
        if (subject == null || subject.isBlank() || subject.length() > SignInLog.MAX_USERNAME) {
            throw new RuleViolation("subject", "Choose a locked user name or address");
        }
        boolean lifted = throttle.unlock(scope, subject);
        if (lifted) {
            // An unlocked user name is logged with the administrator's address; an unlocked address with itself.
            log.record(SignInEventKind.UNLOCKED, scope.reason(), scope == LockScope.ACCOUNT ? subject : null,
                    scope == LockScope.ACCOUNT ? SignInOrigin.ofCurrentRequest(null) : new SignInOrigin(subject, null),
                    currentStaff.usernameForAudit());
        }
        return lifted;
    }

    /** Authentication events, newest first, a page at a time. */
    @Transactional(readOnly = true)
    public List<SignInEvent> events(SignInEventFilter filter, int offset, int limit) {
        if (offset < 0 || limit < 1) {
            throw new RuleViolation(null, "A page starts at 0 and holds at least one event");
        }
        if (filter.from() != null && filter.to() != null && filter.to().isBefore(filter.from())) {
            throw new RuleViolation("to", "The last day is before the first day");
        }
        String prefix = filter.username() == null || filter.username().isBlank() ? null : filter.username().strip();
        if (prefix != null && prefix.length() > SignInLog.MAX_USERNAME) {
            throw new RuleViolation("username", "A user name has at most " + SignInLog.MAX_USERNAME + " characters");
        }
        return log.page(prefix, filter.kind(), startOf(filter.from()),
                filter.to() == null ? null : startOf(filter.to().plusDays(1)), offset, Math.min(limit, MAX_PAGE));
    }

    private @Nullable Instant startOf(@Nullable LocalDate day) {
        return day == null ? null : day.atStartOfDay(clinic.timeZone()).toInstant();
    }
}
