package org.clinic.portal;

import org.clinic.base.RuleViolation;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/**
 * Counts what costs an email or guesses a code, per network address and per email address or account, in fixed
 * one-hour windows in MariaDB (every node counts the same). Each hit commits on its own, so a request that then
 * fails (a wrong code) still counts. Over the limit, the request is refused before anything else happens.
 */
@Component
class PortalRateLimits {

    static final Duration WINDOW = Duration.ofHours(1);
    static final String TOO_MANY = "Too many attempts. For your safety, please wait an hour and try again, or ask "
            + "reception.";

    enum Action { SIGN_UP, LINK, CODE, EMAIL }

    private final JdbcClient jdbc;
    private final TransactionTemplate ownTransaction;
    private final PortalSettings settings;
    private final Clock clock;

    PortalRateLimits(JdbcClient jdbc, PlatformTransactionManager transactions, PortalSettings settings, Clock clock) {
        this.jdbc = jdbc;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.settings = settings;
        this.clock = clock;
    }

    /** Counts one request from this network address; refused over the address limit. */
    void fromAddress(Action action, String address) {
        hit(action, "address:" + address, settings.perAddressPerHour());
    }

    /** Counts one email to this address (or one request for this account); refused over the per-email limit. */
    void forEmail(Action action, String emailOrAccount) {
        hit(action, "email:" + emailOrAccount.strip().toLowerCase(Locale.ROOT), settings.perEmailPerHour());
    }

    private void hit(Action action, String subject, int limit) {
        String key = subject.length() <= 100 ? subject : subject.substring(0, 100);
        Integer hits = ownTransaction.execute(tx -> {
            Instant now = clock.instant();
            jdbc.sql("INSERT INTO portal_rate_limit (action, subject, window_start, hits) VALUES (:a, :s, :now, 1)"
                            + " ON DUPLICATE KEY UPDATE hits = IF(window_start <= :expired, 1, hits + 1),"
                            + " window_start = IF(window_start <= :expired, :now, window_start)")
                    .param("a", action.name()).param("s", key).param("now", Timestamp.from(now))
                    .param("expired", Timestamp.from(now.minus(WINDOW))).update();
            return jdbc.sql("SELECT hits FROM portal_rate_limit WHERE action = :a AND subject = :s")
                    .param("a", action.name()).param("s", key).query(Integer.class).single();
        });
        if (hits != null && hits > limit) {
            throw new RuleViolation(null, TOO_MANY);
        }
    }

    @Scheduled(fixedDelayString = "1h", initialDelayString = "1h")
    void forgetOldWindows() {
        jdbc.sql("DELETE FROM portal_rate_limit WHERE window_start < :before")
                .param("before", Timestamp.from(clock.instant().minus(Duration.ofDays(1)))).update();
    }
}
