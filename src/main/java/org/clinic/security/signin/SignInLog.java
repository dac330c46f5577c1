package org.clinic.security.signin;

import org.jspecify.annotations.Nullable;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.RememberMeAuthenticationToken;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.authentication.event.LogoutSuccessEvent;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The authentication log ({@code authentication_event}, append-only). Spring Security's own events are written as
 * they are published: every sign-in (form or remembered display), every failure with its reason, every sign-out.
 * Pauses and unlocks are written by the throttle and the administrators' service, in their transactions.
 */
@Component
class SignInLog {

    static final int MAX_USERNAME = 100;

    private static final RowMapper<SignInEvent> ROW = (rs, row) -> new SignInEvent(rs.getLong("id"),
            rs.getTimestamp("occurred_at").toInstant(), SignInEventKind.valueOf(rs.getString("kind")),
            SignInReason.valueOf(rs.getString("reason")), rs.getString("username"), rs.getString("address"),
            rs.getString("user_agent"), rs.getString("acted_by"));

    private final JdbcClient jdbc;
    private final Clock clock;

    SignInLog(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    void record(SignInEventKind kind, SignInReason reason, @Nullable String username, SignInOrigin origin,
                @Nullable String actedBy) {
        jdbc.sql("INSERT INTO authentication_event (occurred_at, kind, reason, username, address, user_agent,"
                        + " acted_by) VALUES (:at, :kind, :reason, :username, :address, :agent, :by)")
                .param("at", Timestamp.from(clock.instant())).param("kind", kind.name()).param("reason", reason.name())
                .param("username", SignInOrigin.cap(username, MAX_USERNAME)).param("address", origin.address())
                .param("agent", origin.userAgent()).param("by", actedBy)
                .update();
    }

    @EventListener
    void signedIn(AuthenticationSuccessEvent event) {
        var signedIn = event.getAuthentication();
        SignInReason how = signedIn instanceof RememberMeAuthenticationToken
                ? SignInReason.REMEMBERED_DEVICE : SignInReason.PASSWORD;
        record(SignInEventKind.SIGNED_IN, how, signedIn.getName(), SignInOrigin.ofAttempt(signedIn), null);
    }

    @EventListener
    void signInFailed(AbstractAuthenticationFailureEvent event) {
        var attempt = event.getAuthentication();
        record(SignInEventKind.SIGN_IN_FAILED, reasonOf(event.getException()), attempt.getName(),
                SignInOrigin.ofAttempt(attempt), null);
    }

    @EventListener
    void signedOut(LogoutSuccessEvent event) {
        var signedOut = event.getAuthentication();
        boolean idle = event instanceof IdleLogoutSuccessEvent;
        record(SignInEventKind.SIGNED_OUT, idle ? SignInReason.IDLE : SignInReason.BY_USER, signedOut.getName(),
                idle ? SignInOrigin.ofSignIn(signedOut) : SignInOrigin.ofCurrentRequest(signedOut), null);
    }

    private static SignInReason reasonOf(AuthenticationException failure) {
        return switch (failure) {
            case BadCredentialsException wrong -> SignInReason.BAD_CREDENTIALS;
            case UsernameNotFoundException unknown -> SignInReason.BAD_CREDENTIALS;
            case LockedException paused -> SignInReason.LOCKED;
            case DisabledException disabled -> SignInReason.DISABLED;
            default -> SignInReason.OTHER;
        };
    }

    /** A page of events, newest first, each filter part applied only when given. */
    List<SignInEvent> page(@Nullable String usernamePrefix, @Nullable SignInEventKind kind, @Nullable Instant from,
                           @Nullable Instant until, int offset, int limit) {
        List<String> where = new ArrayList<>();
        Map<String, Object> params = new LinkedHashMap<>();
        if (usernamePrefix != null) {
            where.add("username LIKE :prefix");
            params.put("prefix", escapeLike(usernamePrefix) + "%");
        }
        if (kind != null) {
            where.add("kind = :kind");
            params.put("kind", kind.name());
        }
        if (from != null) {
            where.add("occurred_at >= :from");
            params.put("from", Timestamp.from(from));
        }
        if (until != null) {
            where.add("occurred_at < :until");
            params.put("until", Timestamp.from(until));
        }
        params.put("limit", limit);
        params.put("offset", offset);
        return jdbc.sql("SELECT id, occurred_at, kind, reason, username, address, user_agent, acted_by"
                        + " FROM authentication_event"
                        + (where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where))
                        + " ORDER BY occurred_at DESC, id DESC LIMIT :limit OFFSET :offset")
                .params(params).query(ROW).list();
    }

    private static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
