package org.clinic.security.signin;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Counts failed sign-ins per user name (consecutive, until a success) and per address (within a window) in MariaDB,
 * and pauses either once it reaches its limit. Each count is read and written holding that row's lock, so failures
 * arriving together on several nodes still pause at exactly the limit, and the pause is logged once. Names that
 * belong to no account are counted the same way, so nothing here tells whether an account exists.
 */
@Component
class SignInThrottle {

    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final SignInSettings settings;
    private final SignInLog log;
    private final Clock clock;

    SignInThrottle(JdbcClient jdbc, PlatformTransactionManager transactions, SignInSettings settings, SignInLog log,
                   Clock clock) {
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactions);
        this.settings = settings;
        this.log = log;
        this.clock = clock;
    }

    /** The form of a user name that counts are kept under: as sign-in compares names. */
    static String accountKey(@Nullable String typed) {
        String key = typed == null ? "" : typed.strip().toLowerCase(Locale.ROOT);
        return key.length() <= SignInLog.MAX_USERNAME ? key : key.substring(0, SignInLog.MAX_USERNAME);
    }

    /** True while the user name or the address is paused. */
    boolean isPaused(String account, @Nullable String address) {
        return isPaused(Namespace.STAFF, account, address);
    }

    /** True while the account name or the address is paused in this namespace. */
    boolean isPaused(Namespace namespace, String account, @Nullable String address) {
        return jdbc.sql("SELECT COUNT(*) FROM sign_in_throttle WHERE ((subject_kind = :accountKind AND subject = :account)"
                        + " OR (subject_kind = :addressKind AND subject = :address)) AND locked_until > :now")
                .param("accountKind", namespace.account().name()).param("addressKind", namespace.address().name())
                .param("account", account).param("address", address).param("now", Timestamp.from(clock.instant()))
                .query(Long.class).single() > 0;
    }

    /** Counts a wrong password against the user name and the address; either may become paused. */
    void failed(String account, String typed, SignInOrigin origin) {
        failed(Namespace.STAFF, account, typed, origin);
    }

    void failed(Namespace namespace, String account, String typed, SignInOrigin origin) {
        count(namespace.account(), account, settings.maxFailures(), null, typed, origin);
        if (origin.address() != null) {
            count(namespace.address(), origin.address(), settings.addressMaxFailures(), settings.addressWindow(),
                    typed, origin);
        }
    }

    /**
     * A right password: clears the user name's failures, unless it (or the address) was paused meanwhile by
     * failures arriving at the same moment, in which case the sign-in must be refused (false).
     */
    boolean succeeded(String account, @Nullable String address) {
        return succeeded(Namespace.STAFF, account, address);
    }

    boolean succeeded(Namespace namespace, String account, @Nullable String address) {
        jdbc.sql("DELETE FROM sign_in_throttle WHERE subject_kind = :kind AND subject = :account"
                        + " AND (locked_until IS NULL OR locked_until <= :now)")
                .param("kind", namespace.account().name())
                .param("account", account).param("now", Timestamp.from(clock.instant())).update();
        return !isPaused(namespace, account, address);
    }

    /** Whose failures count together: staff user names and addresses, or patients' email addresses and addresses. */
    record Namespace(LockScope account, LockScope address) {
        static final Namespace STAFF = new Namespace(LockScope.ACCOUNT, LockScope.ADDRESS);
        static final Namespace PATIENTS = new Namespace(LockScope.PATIENT, LockScope.PORTAL_ADDRESS);
    }

    private void count(LockScope scope, String subject, int limit, @Nullable Duration window, String typed,
                       SignInOrigin origin) {
        // The row is created on its own first, outside the locking transaction: two transactions that both found it
        // missing and inserted it would otherwise deadlock on each other's insert.
        for (int attempt = 0; attempt < 2; attempt++) {
            Instant now = clock.instant();
            jdbc.sql("INSERT IGNORE INTO sign_in_throttle (subject_kind, subject, failures, first_failure_at,"
                            + " last_failure_at) VALUES (:kind, :subject, 0, :now, :now)")
                    .param("kind", scope.name()).param("subject", subject).param("now", Timestamp.from(now)).update();
            Boolean counted = transaction.execute(tx -> countLocked(scope, subject, limit, window, typed, origin));
            if (Boolean.TRUE.equals(counted)) {
                return;
            }
            // the row was forgotten by the clean-up between the two statements: create it again
        }
    }

    private boolean countLocked(LockScope scope, String subject, int limit, @Nullable Duration window, String typed,
                                SignInOrigin origin) {
        Optional<Counter> found = jdbc.sql("SELECT failures, first_failure_at, locked_until FROM sign_in_throttle"
                        + " WHERE subject_kind = :kind AND subject = :subject FOR UPDATE")
                .param("kind", scope.name()).param("subject", subject)
                .query((rs, row) -> new Counter(rs.getInt(1), rs.getTimestamp(2).toInstant(),
                        rs.getTimestamp(3) == null ? null : rs.getTimestamp(3).toInstant()))
                .optional();
        if (found.isEmpty()) {
            return false;
        }
        Counter counter = found.get();
        Instant now = clock.instant();
        if (counter.lockedUntil() != null && counter.lockedUntil().isAfter(now)) {
            return true; // already paused: attempts while paused neither count nor lengthen the pause
        }
        boolean startAgain = counter.failures() == 0 || counter.lockedUntil() != null
                || (window != null && !counter.firstFailureAt().plus(window).isAfter(now));
        int failures = startAgain ? 1 : counter.failures() + 1;
        Instant lockedUntil = failures >= limit ? now.plus(settings.lockFor()) : null;
        jdbc.sql("UPDATE sign_in_throttle SET failures = :failures, first_failure_at = :first,"
                        + " last_failure_at = :now, locked_until = :until"
                        + " WHERE subject_kind = :kind AND subject = :subject")
                .param("failures", failures).param("first", Timestamp.from(startAgain ? now : counter.firstFailureAt()))
                .param("now", Timestamp.from(now))
                .param("until", lockedUntil == null ? null : Timestamp.from(lockedUntil))
                .param("kind", scope.name()).param("subject", subject)
                .update();
        if (lockedUntil != null) {
            log.record(SignInEventKind.LOCKED_OUT, scope.reason(), typed, origin, null);
        }
        return true;
    }

    /** Everything paused now, the latest pause first. */
    List<SignInLock> lockedNow() {
        return jdbc.sql("SELECT subject_kind, subject, failures, last_failure_at, locked_until FROM sign_in_throttle"
                        + " WHERE locked_until > :now ORDER BY locked_until DESC")
                .param("now", Timestamp.from(clock.instant()))
                .query((rs, row) -> new SignInLock(LockScope.valueOf(rs.getString(1)), rs.getString(2), rs.getInt(3),
                        rs.getTimestamp(4).toInstant(), rs.getTimestamp(5).toInstant()))
                .list();
    }

    /** Lifts a pause and forgets its failures; false if it was not paused (any more). */
    boolean unlock(LockScope scope, String subject) {
        return jdbc.sql("DELETE FROM sign_in_throttle WHERE subject_kind = :kind AND subject = :subject"
                        + " AND locked_until > :now")
                .param("kind", scope.name()).param("subject", subject).param("now", Timestamp.from(clock.instant()))
                .update() == 1;
    }

    /** Failures with nothing newer for {@code clinic.sign-in.forget-after} are forgotten (any node may run this). */
    @Scheduled(fixedDelayString = "${clinic.sign-in.clean-up-every:1h}",
            initialDelayString = "${clinic.sign-in.clean-up-every:1h}")
    void forgetOldFailures() {
        Instant now = clock.instant();
        jdbc.sql("DELETE FROM sign_in_throttle WHERE last_failure_at < :before"
                        + " AND (locked_until IS NULL OR locked_until <= :now)")
                .param("before", Timestamp.from(now.minus(settings.forgetAfter()))).param("now", Timestamp.from(now))
                .update();
    }

    private record Counter(int failures, Instant firstFailureAt, @Nullable Instant lockedUntil) {
    }
}
