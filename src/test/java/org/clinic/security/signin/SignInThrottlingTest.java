package org.clinic.security.signin;

import org.clinic.TestClock;
import org.clinic.security.ActingAs;
import org.clinic.security.Role;
import org.clinic.security.StaffAccountService;
import org.clinic.security.StaffAccountSummary;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.event.LogoutSuccessEvent;
import org.springframework.security.config.annotation.authentication.configuration.AuthenticationConfiguration;
import org.springframework.security.core.Authentication;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

/** Sign-in throttling and the authentication log, through Spring Security as the sign-in form uses it. */
@SpringBootTest
class SignInThrottlingTest {

    /** The application's user is refused by its grants (the triggers, which refuse the owner too: DatabaseUsersTest). */
    private static final String REFUSED_CHANGE = "(?s).*(append-only|command denied).*";

    private static final String WRONG = "not-the-password-at-all";

    @Autowired
    StaffAccountService accounts;
    @Autowired
    AuthenticationConfiguration authentication;
    @Autowired
    SignInSecurityService security;
    @Autowired
    SignInSettings settings;
    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TestClock clock;

    private SignInFixtures signIns;

    @BeforeEach
    void fixtures() {
        signIns = new SignInFixtures(accounts, authentication);
    }

    @AfterEach
    void real_time_again() {
        clock.reset();
    }

    @Test
    void five_wrong_passwords_lock_the_account_and_then_even_the_right_password_is_refused() {
        String name = signIns.account(Role.RECEPTIONIST).username();
        String from = SignInFixtures.address();

        for (int i = 0; i < 5; i++) {
            assertThat(signIns.refusal(name, WRONG, from)).isEqualTo(BadCredentialsException.class);
        }

        assertThat(signIns.refusal(name, SignInFixtures.PASSWORD, from)).isEqualTo(LockedException.class);
        assertThat(signIns.refusal(name, SignInFixtures.PASSWORD, SignInFixtures.address()))
                .as("the account is locked, whatever the address").isEqualTo(LockedException.class);
        assertThat(security(() -> security.lockedNow())).extracting(SignInLock::scope, SignInLock::subject,
                SignInLock::failures).contains(tuple(LockScope.ACCOUNT, name, 5));
    }

    @Test
    void a_success_before_the_limit_starts_the_count_again() {
        String name = signIns.account(Role.DOCTOR).username();
        String from = SignInFixtures.address();
        for (int i = 0; i < 4; i++) {
            signIns.refusal(name, WRONG, from);
        }

        assertThat(signIns.signIn(name, SignInFixtures.PASSWORD, from).isAuthenticated()).isTrue();

        for (int i = 0; i < 4; i++) {
            assertThat(signIns.refusal(name, WRONG, from)).isEqualTo(BadCredentialsException.class);
        }
        assertThat(signIns.signIn(name, SignInFixtures.PASSWORD, from).isAuthenticated()).isTrue();
    }

    @Test
    void an_administrator_unlocking_the_account_lets_the_person_sign_in_and_is_logged() {
        String name = signIns.account(Role.DOCTOR).username();
        String from = SignInFixtures.address();
        lock(name, from);

        assertThat(ActingAs.as("boss", Role.ADMIN, () -> security.unlock(LockScope.ACCOUNT, name))).isTrue();

        assertThat(signIns.signIn(name, SignInFixtures.PASSWORD, from).isAuthenticated()).isTrue();
        assertThat(jdbc.sql("SELECT acted_by FROM authentication_event WHERE kind = 'UNLOCKED' AND username = :u")
                .param("u", name).query(String.class).list()).containsExactly("boss");
        assertThat(ActingAs.as("boss", Role.ADMIN, () -> security.unlock(LockScope.ACCOUNT, name)))
                .as("nothing left to unlock").isFalse();
    }

    @Test
    void a_lock_ends_by_itself_after_the_configured_time() {
        String name = signIns.account(Role.RECEPTIONIST).username();
        String from = SignInFixtures.address();
        lock(name, from);

        clock.advance(settings.lockFor().minusSeconds(5));
        assertThat(signIns.refusal(name, SignInFixtures.PASSWORD, from)).isEqualTo(LockedException.class);

        clock.advance(Duration.ofSeconds(10));
        assertThat(signIns.signIn(name, SignInFixtures.PASSWORD, from).isAuthenticated()).isTrue();
    }

    @Test
    void one_address_trying_many_user_names_is_locked_at_its_own_limit() {
        String from = SignInFixtures.address();
        StaffAccountSummary someone = signIns.account(Role.RECEPTIONIST);

        for (int i = 0; i < settings.addressMaxFailures(); i++) {
            assertThat(signIns.refusal(SignInFixtures.unknownName(), WRONG, from))
                    .isEqualTo(BadCredentialsException.class);
        }

        assertThat(signIns.refusal(someone.username(), SignInFixtures.PASSWORD, from))
                .as("nobody signs in from a locked address").isEqualTo(LockedException.class);
        assertThat(signIns.signIn(someone.username(), SignInFixtures.PASSWORD, SignInFixtures.address())
                .isAuthenticated()).as("the same person from elsewhere").isTrue();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM authentication_event WHERE kind = 'LOCKED_OUT' AND reason = 'ADDRESS'"
                + " AND address = :a").param("a", from).query(Long.class).single()).isEqualTo(1);

        assertThat(security(() -> security.unlock(LockScope.ADDRESS, from))).isTrue();
        assertThat(signIns.signIn(someone.username(), SignInFixtures.PASSWORD, from).isAuthenticated()).isTrue();
        assertThat(jdbc.sql("SELECT acted_by FROM authentication_event WHERE kind = 'UNLOCKED' AND address = :a")
                .param("a", from).query(String.class).list()).containsExactly("boss");
    }

    @Test
    void unknown_user_names_are_answered_exactly_like_an_existing_account() {
        String existing = signIns.account(Role.DOCTOR).username();
        String unknown = SignInFixtures.unknownName();

        List<Class<?>> forExisting = new ArrayList<>();
        List<Class<?>> forUnknown = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            forExisting.add(signIns.refusal(existing, WRONG, SignInFixtures.address()));
            forUnknown.add(signIns.refusal(unknown, WRONG, SignInFixtures.address()));
        }

        assertThat(forUnknown).isEqualTo(forExisting).startsWith(BadCredentialsException.class)
                .endsWith(LockedException.class);
    }

    @Test
    void a_disabled_account_is_refused_only_after_its_password_is_checked_and_wrong_guesses_still_count() {
        StaffAccountSummary account = signIns.account(Role.RECEPTIONIST);
        ActingAs.as("boss", Role.ADMIN, () -> accounts.disable(account.id()));
        String from = SignInFixtures.address();

        assertThat(signIns.refusal(account.username(), WRONG, from)).isEqualTo(BadCredentialsException.class);
        assertThat(signIns.refusal(account.username(), SignInFixtures.PASSWORD, from))
                .isEqualTo(DisabledException.class);
        assertThat(failuresOf(account.username())).isEqualTo(1);
    }

    @Test
    void failures_arriving_together_lock_at_exactly_the_limit_and_once() throws Exception {
        String name = signIns.account(Role.DOCTOR).username();
        String from = SignInFixtures.address();
        int attempts = 12;
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Class<?>>> outcomes = new ArrayList<>();
        try (ExecutorService threads = Executors.newFixedThreadPool(attempts)) {
            for (int i = 0; i < attempts; i++) {
                outcomes.add(threads.submit(() -> {
                    start.await();
                    return signIns.refusal(name, WRONG, from);
                }));
            }
            start.countDown();
            for (Future<Class<?>> outcome : outcomes) {
                assertThat(outcome.get()).isIn(BadCredentialsException.class, LockedException.class);
            }
        }

        assertThat(failuresOf(name)).isEqualTo(settings.maxFailures());
        assertThat(count("LOCKED_OUT", name)).isEqualTo(1);
        assertThat(count("SIGN_IN_FAILED", name)).isEqualTo(attempts);
        assertThat(signIns.refusal(name, SignInFixtures.PASSWORD, from)).isEqualTo(LockedException.class);
    }

    @Test
    void every_kind_of_authentication_event_is_logged_with_who_where_and_when() {
        StaffAccountSummary account = signIns.account(Role.DOCTOR);
        String name = account.username();
        String from = SignInFixtures.address();
        var before = clock.instant();

        Authentication signedIn = signIns.signIn("  " + name + " ", SignInFixtures.PASSWORD, from);
        events.publishEvent(new LogoutSuccessEvent(signedIn));
        events.publishEvent(new IdleLogoutSuccessEvent(signedIn));
        lock(name, from);
        ActingAs.as("boss", Role.ADMIN, () -> security.unlock(LockScope.ACCOUNT, name));
        ActingAs.as("boss", Role.ADMIN, () -> accounts.disable(account.id()));
        signIns.refusal(name, SignInFixtures.PASSWORD, from);

        List<SignInEvent> logged = ActingAs.as("boss", Role.ADMIN, () -> security.events(
                new SignInEventFilter(name, null, null, null), 0, 50)).reversed();
        assertThat(logged).extracting(SignInEvent::kind, SignInEvent::reason).containsExactly(
                tuple(SignInEventKind.SIGNED_IN, SignInReason.PASSWORD),
                tuple(SignInEventKind.SIGNED_OUT, SignInReason.BY_USER),
                tuple(SignInEventKind.SIGNED_OUT, SignInReason.IDLE),
                tuple(SignInEventKind.SIGN_IN_FAILED, SignInReason.BAD_CREDENTIALS),
                tuple(SignInEventKind.SIGN_IN_FAILED, SignInReason.BAD_CREDENTIALS),
                tuple(SignInEventKind.SIGN_IN_FAILED, SignInReason.BAD_CREDENTIALS),
                tuple(SignInEventKind.SIGN_IN_FAILED, SignInReason.BAD_CREDENTIALS),
                tuple(SignInEventKind.LOCKED_OUT, SignInReason.ACCOUNT),
                tuple(SignInEventKind.SIGN_IN_FAILED, SignInReason.BAD_CREDENTIALS),
                tuple(SignInEventKind.SIGN_IN_FAILED, SignInReason.LOCKED),
                tuple(SignInEventKind.UNLOCKED, SignInReason.ACCOUNT),
                tuple(SignInEventKind.SIGN_IN_FAILED, SignInReason.DISABLED));
        SignInEvent first = logged.getFirst();
        assertThat(first.address()).isEqualTo(from);
        assertThat(first.userAgent()).isEqualTo("SignInTest/1.0");
        assertThat(first.occurredAt()).isBetween(before.minusSeconds(1), clock.instant().plusSeconds(1));
        assertThat(logged.get(2).address()).as("the server's idle sign-out: where the person signed in")
                .isEqualTo(from);
        assertThat(logged).filteredOn(e -> e.kind() == SignInEventKind.UNLOCKED)
                .extracting(SignInEvent::actedBy).containsExactly("boss");
    }

    @Test
    void the_authentication_log_cannot_be_changed_or_deleted() {
        String name = signIns.account(Role.DOCTOR).username();
        signIns.refusal(name, WRONG, SignInFixtures.address());

        assertThatThrownBy(() -> jdbc.sql("UPDATE authentication_event SET reason = 'OTHER' WHERE username = :u")
                .param("u", name).update()).rootCause().hasMessageMatching(REFUSED_CHANGE);
        assertThatThrownBy(() -> jdbc.sql("DELETE FROM authentication_event WHERE username = :u")
                .param("u", name).update()).rootCause().hasMessageMatching(REFUSED_CHANGE);
    }

    private void lock(String name, String from) {
        for (int i = 0; i < settings.maxFailures(); i++) {
            signIns.refusal(name, WRONG, from);
        }
        assertThat(signIns.refusal(name, SignInFixtures.PASSWORD, from)).isEqualTo(LockedException.class);
    }

    private int failuresOf(String name) {
        return jdbc.sql("SELECT failures FROM sign_in_throttle WHERE subject_kind = 'ACCOUNT' AND subject = :s")
                .param("s", name).query(Integer.class).single();
    }

    private long count(String kind, String name) {
        return jdbc.sql("SELECT COUNT(*) FROM authentication_event WHERE kind = :k AND username = :u")
                .param("k", kind).param("u", name).query(Long.class).single();
    }

    private static <T> T security(java.util.function.Supplier<T> work) {
        return ActingAs.as("boss", Role.ADMIN, work);
    }
}
