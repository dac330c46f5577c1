package org.clinic.security;

import org.clinic.base.RuleViolation;
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
import org.springframework.security.test.context.support.WithMockUser;

import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@SpringBootTest
@WithMockUser(username = "boss", roles = "ADMIN")
class StaffAccountServiceTest {

    @Autowired
    StaffAccountService accounts;
    @Autowired
    AuthenticationConfiguration authentication;
    @Autowired
    JdbcClient jdbc;

    @Test
    void passwords_are_stored_only_as_salted_hashes_that_name_their_algorithm() {
        StaffAccountSummary account = accounts.create(newAccount(Role.RECEPTIONIST));

        String hash = jdbc.sql("SELECT password_hash FROM staff_account WHERE username = :u")
                .param("u", account.username()).query(String.class).single();
        assertThat(hash).startsWith("{argon2}").doesNotContain("correct-horse");
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
