package org.clinic.security;

import org.clinic.TestClock;
import org.clinic.base.RuleViolation;
import org.clinic.security.StaffAccountChangeEntry.Kind;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.annotation.authentication.configuration.AuthenticationConfiguration;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.test.context.support.WithMockUser;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@SpringBootTest
@WithMockUser(username = "boss", roles = "ADMIN")
class StaffAccountServiceTest {

    /** The application's user is refused by its grants (the triggers, which refuse the owner too: DatabaseUsersTest). */
    private static final String REFUSED_CHANGE = "(?s).*(append-only|command denied).*";

    @Autowired
    StaffAccountService accounts;
    @Autowired
    AuthenticationConfiguration authentication;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TestClock clock;

    @Test
    void passwords_are_stored_only_as_salted_hashes_that_name_their_algorithm() {
        StaffAccountSummary account = accounts.create(newAccount(Role.RECEPTIONIST));

        String hash = jdbc.sql("SELECT password_hash FROM staff_account WHERE username = :u")
                .param("u", account.username()).query(String.class).single();
        assertThat(hash).startsWith("{argon2}").doesNotContain("correct-horse");
    }

    @Test
    void a_bcrypt_hash_from_before_still_signs_in_and_is_then_replaced_by_an_argon2_one() {
        StaffAccountSummary account = accounts.create(newAccount(Role.RECEPTIONIST));
        jdbc.sql("UPDATE staff_account SET password_hash = :h WHERE username = :u")
                .param("h", "{bcrypt}" + new BCryptPasswordEncoder().encode("correct-horse-battery"))
                .param("u", account.username()).update();

        assertThat(signIn(account.username(), "correct-horse-battery").isAuthenticated()).isTrue();

        assertThat(jdbc.sql("SELECT password_hash FROM staff_account WHERE username = :u")
                .param("u", account.username()).query(String.class).single()).startsWith("{argon2}");
        assertThat(signIn(account.username(), "correct-horse-battery").isAuthenticated()).isTrue();
    }

    @Test
    void an_80_character_password_creates_an_account_that_signs_in_with_exactly_that_password() {
        String password = "x".repeat(20) + "-the-herons-come-back-to-the-mill-pond-each-april-" + "y".repeat(10);
        assertThat(password).hasSize(80);
        StaffAccountSummary account = accounts.create(new CreateStaffAccount("long" + suffix(), "Long Pass",
                password, Role.DOCTOR));

        assertThat(signIn(account.username(), password).isAuthenticated()).isTrue();
        assertThatThrownBy(() -> signIn(account.username(), password.substring(0, 72)))
                .isInstanceOf(BadCredentialsException.class);
    }

    @Test
    void too_long_common_and_own_name_passwords_are_refused_with_a_message_for_the_password_field() {
        String tooLong = "k3-".repeat(43);
        assertThatThrownBy(() -> accounts.create(new CreateStaffAccount("long" + suffix(), "Long Pass", tooLong,
                Role.DOCTOR))).hasMessageContaining(StaffPasswords.TOO_LONG);
        assertThatThrownBy(() -> accounts.create(new CreateStaffAccount("common" + suffix(), "Common Pass",
                "password123", Role.DOCTOR))).isInstanceOfSatisfying(RuleViolation.class,
                v -> assertThat(v.field()).isEqualTo("password")).hasMessage(StaffPasswords.COMMON);
        assertThatThrownBy(() -> accounts.create(new CreateStaffAccount("wanjiru" + suffix(), "Wanjiru Kamau",
                "Wanjiru-Kamau-1", Role.DOCTOR))).hasMessage(StaffPasswords.OWN_NAME);

        StaffAccountSummary account = accounts.create(newAccount(Role.RECEPTIONIST));
        assertThatThrownBy(() -> accounts.resetPassword(account.id(), tooLong))
                .isInstanceOfSatisfying(RuleViolation.class, v -> assertThat(v.field()).isEqualTo("password"))
                .hasMessage(StaffPasswords.TOO_LONG);
        assertThatThrownBy(() -> accounts.resetPassword(account.id(), "Password123!"))
                .hasMessage(StaffPasswords.COMMON);
        assertThatThrownBy(() -> accounts.resetPassword(account.id(), "Test-Person-2026"))
                .hasMessage(StaffPasswords.OWN_NAME);
        assertThatThrownBy(() -> accounts.resetPassword(account.id(), "xx" + account.username() + "xx"))
                .hasMessage(StaffPasswords.OWN_NAME);
        assertThat(accounts.history(account.id())).extracting(StaffAccountChangeEntry::kind)
                .as("a refused reset changes nothing").containsExactly(Kind.CREATED);
        assertThat(signIn(account.username(), "correct-horse-battery").isAuthenticated()).isTrue();
    }

    @Test
    void every_change_to_an_account_is_recorded_with_who_what_and_when() {
        Instant before = clock.instant().truncatedTo(ChronoUnit.MICROS);
        StaffAccountSummary account = accounts.create(newAccount(Role.DOCTOR));
        accounts.changeRole(account.id(), Role.RECEPTIONIST);
        accounts.resetPassword(account.id(), "a-brand-new-secret");
        accounts.disable(account.id());
        accounts.enable(account.id());
        accounts.changeRole(account.id(), Role.DISPLAY);
        accounts.showInitials(account.id(), true);
        accounts.showInitials(account.id(), false);
        Instant after = clock.instant();

        List<StaffAccountChangeEntry> history = accounts.history(account.id());
        assertThat(history).extracting(StaffAccountChangeEntry::kind).containsExactly(Kind.INITIALS_HIDDEN,
                Kind.INITIALS_SHOWN, Kind.ROLE_CHANGED, Kind.ENABLED, Kind.DISABLED, Kind.PASSWORD_RESET,
                Kind.ROLE_CHANGED, Kind.CREATED);
        assertThat(history).allSatisfy(change -> {
            assertThat(change.changedBy()).isEqualTo("boss");
            assertThat(change.at()).isBetween(before, after);
        });
        assertThat(history.getLast().description()).isEqualTo("Created as Doctor");
        assertThat(history.get(6).description()).isEqualTo("Role changed from Doctor to Receptionist");
        assertThat(history.get(2).description()).isEqualTo("Role changed from Receptionist to Waiting-room display");
    }

    @Test
    void changes_that_change_nothing_record_nothing() {
        StaffAccountSummary account = accounts.create(newAccount(Role.DOCTOR));
        accounts.enable(account.id());
        accounts.changeRole(account.id(), Role.DOCTOR);

        assertThat(accounts.history(account.id())).extracting(StaffAccountChangeEntry::kind)
                .containsExactly(Kind.CREATED);
    }

    @Test
    void the_account_history_cannot_be_changed_or_deleted_in_the_database() {
        StaffAccountSummary account = accounts.create(newAccount(Role.DOCTOR));
        long accountId = jdbc.sql("SELECT id FROM staff_account WHERE username = :u").param("u", account.username())
                .query(Long.class).single();

        assertThatThrownBy(() -> jdbc.sql("UPDATE staff_account_change SET changed_by = 'x' WHERE account_id = :a")
                .param("a", accountId).update()).rootCause().hasMessageMatching(REFUSED_CHANGE);
        assertThatThrownBy(() -> jdbc.sql("DELETE FROM staff_account_change WHERE account_id = :a")
                .param("a", accountId).update()).rootCause().hasMessageMatching(REFUSED_CHANGE);
        assertThat(accounts.history(account.id())).hasSize(1);
    }

    @Test
    void only_a_display_account_shows_initials_and_a_new_role_turns_them_off() {
        StaffAccountSummary doctor = accounts.create(newAccount(Role.DOCTOR));
        assertThatThrownBy(() -> accounts.showInitials(doctor.id(), true)).isInstanceOf(RuleViolation.class)
                .hasMessageContaining("Only a waiting-room display");
        assertThatThrownBy(() -> jdbc.sql("UPDATE staff_account SET display_initials = TRUE WHERE username = :u")
                .param("u", doctor.username()).update()).hasMessageContaining("ck_staff_account_display_initials");

        StaffAccountSummary tv = accounts.create(newAccount(Role.DISPLAY));
        assertThat(tv.displayInitials()).isFalse();
        assertThat(accounts.showInitials(tv.id(), true).displayInitials()).isTrue();
        assertThat(accounts.changeRole(tv.id(), Role.RECEPTIONIST).displayInitials()).isFalse();
    }

    @Test
    void an_account_signs_in_until_it_is_disabled_and_again_once_enabled() {
        StaffAccountSummary account = accounts.create(newAccount(Role.DOCTOR));
        assertThat(signIn(account.username(), "correct-horse-battery").isAuthenticated()).isTrue();

        accounts.disable(account.id());
        assertThatThrownBy(() -> signIn(account.username(), "correct-horse-battery")).isInstanceOf(DisabledException.class);

        accounts.enable(account.id());
        assertThat(signIn(account.username(), "correct-horse-battery").isAuthenticated()).isTrue();
    }

    @Test
    void a_reset_password_replaces_the_old_one() {
        StaffAccountSummary account = accounts.create(newAccount(Role.RECEPTIONIST));

        accounts.resetPassword(account.id(), "a-brand-new-secret");

        assertThatThrownBy(() -> signIn(account.username(), "correct-horse-battery"))
                .isInstanceOf(BadCredentialsException.class);
        assertThat(signIn(account.username(), "a-brand-new-secret").isAuthenticated()).isTrue();
    }

    @Test
    void user_names_are_unique_and_passwords_long_enough() {
        CreateStaffAccount command = newAccount(Role.RECEPTIONIST);
        accounts.create(command);

        assertThatThrownBy(() -> accounts.create(command)).isInstanceOf(RuleViolation.class)
                .hasMessageContaining("already taken");
        assertThatThrownBy(() -> accounts.create(new CreateStaffAccount("shorty" + suffix(), "Short Pass", "short", Role.DOCTOR)))
                .hasMessageContaining("10");
        assertThatThrownBy(() -> accounts.create(new CreateStaffAccount("Bad Name!", "Someone", "long-enough-pass", Role.DOCTOR)))
                .hasMessageContaining("lower-case");
    }

    @Test
    void the_last_enabled_administrator_cannot_be_disabled_or_demoted() {
        jdbc.sql("UPDATE staff_account SET enabled = FALSE WHERE role = 'ADMIN'").update();
        StaffAccountSummary onlyAdmin = accounts.create(newAccount(Role.ADMIN));

        assertThatThrownBy(() -> accounts.disable(onlyAdmin.id())).hasMessageContaining("at least one");
        assertThatThrownBy(() -> accounts.changeRole(onlyAdmin.id(), Role.DOCTOR)).hasMessageContaining("at least one");

        StaffAccountSummary second = accounts.create(newAccount(Role.ADMIN));
        assertThat(accounts.disable(onlyAdmin.id()).enabled()).isFalse();
        assertThat(accounts.list()).extracting(StaffAccountSummary::id).contains(second.id());
    }

    @Test
    @WithMockUser(roles = "RECEPTIONIST")
    void only_administrators_manage_accounts() {
        assertThatThrownBy(() -> accounts.list()).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> accounts.create(newAccount(Role.ADMIN))).isInstanceOf(AccessDeniedException.class);
    }

    private org.springframework.security.core.Authentication signIn(String username, String password) {
        return authenticationManager().authenticate(UsernamePasswordAuthenticationToken.unauthenticated(username, password));
    }

    private AuthenticationManager authenticationManager() {
        try {
            return authentication.getAuthenticationManager();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static CreateStaffAccount newAccount(Role role) {
        return new CreateStaffAccount("user" + suffix(), "Test Person", "correct-horse-battery", role);
    }

    private static String suffix() {
        return Integer.toString(ThreadLocalRandom.current().nextInt(1_000_000, 9_999_999));
    }
}
