package org.clinic.security.signin;

import org.clinic.security.CreateStaffAccount;
import org.clinic.security.Role;
import org.clinic.security.StaffAccountService;
import org.clinic.security.StaffAccountSummary;
import org.clinic.security.SystemAuthentication;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.annotation.authentication.configuration.AuthenticationConfiguration;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;

import java.util.concurrent.ThreadLocalRandom;

/**
 * Sign-in as the sign-in form does it (through Spring Security's authentication manager, with the form's origin
 * details), for staff accounts each test creates for itself, from addresses no other test uses.
 */
public final class SignInFixtures {

    public static final String PASSWORD = "quartz-ledger-harbour-71";

    private final StaffAccountService accounts;
    private final AuthenticationManager manager;

    public SignInFixtures(StaffAccountService accounts, AuthenticationConfiguration configuration) {
        this.accounts = accounts;
        try {
            this.manager = configuration.getAuthenticationManager();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public StaffAccountSummary account(Role role) {
        return SystemAuthentication.runAs(Role.ADMIN, () -> accounts.create(new CreateStaffAccount(
                "signin" + suffix(), "Sign-in Tester", PASSWORD, role)));
    }

    public static String unknownName() {
        return "nobody" + suffix();
    }

    /** A documentation-range IPv6 address of its own (2001:db8::/32), so address counts never mix across tests. */
    public static String address() {
        return "2001:db8::" + Integer.toHexString(ThreadLocalRandom.current().nextInt(1, 0xffff)) + ":"
                + Integer.toHexString(ThreadLocalRandom.current().nextInt(1, 0xffff));
    }

    public Authentication signIn(String username, String password, String address) {
        UsernamePasswordAuthenticationToken attempt = UsernamePasswordAuthenticationToken.unauthenticated(username,
                password);
        attempt.setDetails(new SignInOrigin(address, "SignInTest/1.0"));
        return manager.authenticate(attempt);
    }

    /** Signs in and returns the refusal's type, or null if it was let in. */
    public Class<? extends AuthenticationException> refusal(String username, String password, String address) {
        try {
            signIn(username, password, address);
            return null;
        } catch (AuthenticationException refused) {
            return refused.getClass();
        }
    }

    private static String suffix() {
        return Integer.toString(ThreadLocalRandom.current().nextInt(1_000_000, 9_999_999));
    }
}
