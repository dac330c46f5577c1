package org.clinic.security.signin;

import org.springframework.security.authentication.event.LogoutSuccessEvent;
import org.springframework.security.core.Authentication;

/** A sign-out the server made because nobody used the screens for the idle time; logged apart from a click. */
public class IdleLogoutSuccessEvent extends LogoutSuccessEvent {

    public IdleLogoutSuccessEvent(Authentication authentication) {
        super(authentication);
    }
}
