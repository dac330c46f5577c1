package org.clinic.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * How long a staff member's screens stay signed in with nobody at them ({@code clinic.sessions.*}).
 *
 * @param idleTimeout without a key press, click or touch for this long, the session is signed out
 * @param warning     how long before that the screens ask "Still there?"
 * @param checkEvery  how often each node looks for idle sessions
 */
@ConfigurationProperties("clinic.sessions")
public record SessionSettings(Duration idleTimeout, Duration warning, Duration checkEvery) {

    public SessionSettings {
        idleTimeout = idleTimeout == null ? Duration.ofMinutes(30) : idleTimeout;
        warning = warning == null ? Duration.ofMinutes(1) : warning;
        checkEvery = checkEvery == null ? Duration.ofSeconds(10) : checkEvery;
        if (!warning.isPositive() || warning.compareTo(idleTimeout) >= 0) {
            throw new IllegalArgumentException("clinic.sessions.warning must be positive and shorter than the idle timeout");
        }
    }
}
