package org.clinic.security.signin;

import org.clinic.security.PatientSignInAccounts;
import org.springframework.security.authentication.AuthenticationEventPublisher;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

import java.util.Locale;

/**
 * The patient portal's password sign-in: the same throttled check as staff sign-in ({@link ThrottledSignIn}: the
 * password always checked, the same pauses, the same events in the authentication log), over patients' accounts
 * only and counted in the patients' own namespace. Deliberately not an AuthenticationProvider bean: staff sign-in
 * keeps exactly one provider, and only the portal's sign-in post uses this one.
 */
@Component
public class PortalSignIn {

    private final AuthenticationManager manager;

    PortalSignIn(PatientSignInAccounts accounts, PasswordEncoder encoder, SignInThrottle throttle,
                 AuthenticationEventPublisher events) {
        ThrottledSignIn signIn = new ThrottledSignIn(email -> accounts.findByEmail(email.strip().toLowerCase(Locale.ROOT))
                .orElseThrow(() -> new UsernameNotFoundException("Unknown patient account")), encoder, throttle,
                SignInThrottle.Namespace.PATIENTS);
        ProviderManager providers = new ProviderManager(signIn);
        providers.setAuthenticationEventPublisher(events);
        providers.setEraseCredentialsAfterAuthentication(true);
        this.manager = providers;
    }

    /** What the portal's sign-in post authenticates with. */
    public AuthenticationManager manager() {
        return manager;
    }
}
