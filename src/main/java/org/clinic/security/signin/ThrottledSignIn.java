package org.clinic.security.signin;

import org.springframework.security.authentication.AccountStatusException;
import org.springframework.security.authentication.AccountStatusUserDetailsChecker;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.userdetails.UserDetailsPasswordService;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Password sign-in (the sign-in form, staff and display devices alike), throttled: the application's only
 * {@link AuthenticationProvider}, so Spring Security has no other way to check a password.
 * <p>
 * The password is always checked, also for a paused or unknown user name or a disabled account, so none of them
 * answers measurably faster than a wrong password; only then is a pause applied. A paused user name is refused
 * even with the right password. Failures are answered alike whatever their reason (the sign-in page shows one
 * message); the reason goes to the authentication log through Spring Security's failure events.
 */
@Component
class ThrottledSignIn implements AuthenticationProvider {

    private final DaoAuthenticationProvider passwords;
    private final SignInThrottle throttle;
    private final SignInThrottle.Namespace namespace;

    @org.springframework.beans.factory.annotation.Autowired
    ThrottledSignIn(UserDetailsService accounts, PasswordEncoder encoder, SignInThrottle throttle) {
        this(accounts, encoder, throttle, SignInThrottle.Namespace.STAFF);
    }

    /** The same sign-in over other accounts, counted in their own namespace (the patient portal's). */
    ThrottledSignIn(UserDetailsService accounts, PasswordEncoder encoder, SignInThrottle throttle,
                    SignInThrottle.Namespace namespace) {
        this.throttle = throttle;
        this.namespace = namespace;
        this.passwords = new DaoAuthenticationProvider(accounts);
        passwords.setPasswordEncoder(encoder);
        if (accounts instanceof UserDetailsPasswordService upgrades) {
            passwords.setUserDetailsPasswordService(upgrades); // an older hash is replaced on a good sign-in
        }
        // Disabled is checked after the password, not before: a disabled account takes as long to answer as any
        // other, and guessing its password counts towards a pause like any other.
        passwords.setPreAuthenticationChecks(user -> {
        });
        passwords.setPostAuthenticationChecks(new AccountStatusUserDetailsChecker());
    }

    @Override
    public Authentication authenticate(Authentication attempt) {
        String typed = attempt.getName();
        String account = SignInThrottle.accountKey(typed);
        SignInOrigin origin = SignInOrigin.ofAttempt(attempt);
        boolean paused = throttle.isPaused(namespace, account, origin.address());
        Authentication signedIn;
        try {
            signedIn = passwords.authenticate(attempt);
        } catch (BadCredentialsException wrong) {
            throttle.failed(namespace, account, typed, origin);
            throw paused ? paused() : wrong;
        } catch (AccountStatusException refused) {
            throw paused ? paused() : refused;
        }
        if (paused || !throttle.succeeded(namespace, account, origin.address())) {
            throw paused();
        }
        return signedIn;
    }

    private static LockedException paused() {
        return new LockedException("Sign-in is paused after repeated failures");
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
