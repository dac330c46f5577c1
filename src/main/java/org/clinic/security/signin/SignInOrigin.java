package org.clinic.security.signin;

import com.vaadin.flow.server.VaadinRequest;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.Authentication;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import java.io.Serializable;

/**
 * Where a sign-in came from: the address (the proxy's client address when {@code server.forward-headers-strategy}
 * applies) and the browser's user agent, both capped. Kept as the authentication's details, so a sign-out the server
 * makes by itself (after idle time, with no request) is still recorded with the address the person signed in from.
 */
public record SignInOrigin(@Nullable String address, @Nullable String userAgent) implements Serializable {

    static final int MAX_ADDRESS = 64;
    static final int MAX_USER_AGENT = 255;
    static final SignInOrigin UNKNOWN = new SignInOrigin(null, null);

    public SignInOrigin {
        address = cap(address, MAX_ADDRESS);
        userAgent = cap(userAgent, MAX_USER_AGENT);
    }

    /** The origin of a request; Spring Security keeps it with the authentication the request leads to. */
    public static SignInOrigin of(HttpServletRequest request) {
        return new SignInOrigin(request.getRemoteAddr(), request.getHeader("User-Agent"));
    }

    /** A sign-in attempt's origin: recorded with it by the sign-in form, else the request being served. */
    static SignInOrigin ofAttempt(Authentication attempt) {
        return attempt.getDetails() instanceof SignInOrigin origin ? origin : ofCurrentRequest(attempt);
    }

    /** Where the authentication was signed in from (for what the server does by itself, with no request). */
    static SignInOrigin ofSignIn(Authentication authentication) {
        return authentication.getDetails() instanceof SignInOrigin origin ? origin : UNKNOWN;
    }

    /** The request being served (a click on "Sign out"), else the origin the authentication was signed in from. */
    static SignInOrigin ofCurrentRequest(@Nullable Authentication authentication) {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes servlet) {
            return of(servlet.getRequest());
        }
        VaadinRequest vaadin = VaadinRequest.getCurrent();
        if (vaadin != null) {
            return new SignInOrigin(vaadin.getRemoteAddr(), vaadin.getHeader("User-Agent"));
        }
        return authentication != null && authentication.getDetails() instanceof SignInOrigin origin ? origin : UNKNOWN;
    }

    static @Nullable String cap(@Nullable String text, int length) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String stripped = text.strip();
        return stripped.length() <= length ? stripped : stripped.substring(0, length);
    }
}
