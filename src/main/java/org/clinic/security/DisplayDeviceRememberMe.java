package org.clinic.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.web.authentication.rememberme.AbstractRememberMeServices;
import org.springframework.security.web.authentication.rememberme.InvalidCookieException;
import org.springframework.security.web.authentication.rememberme.JdbcTokenRepositoryImpl;
import org.springframework.security.web.authentication.rememberme.PersistentRememberMeToken;
import org.springframework.security.web.authentication.rememberme.RememberMeAuthenticationException;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.Collection;
import java.util.Date;

/**
 * Keeps waiting-room display devices (and check-in kiosks, the same way) signed in across browser and server
 * restarts, and nobody else: a DISPLAY or KIOSK account is always remembered (no tick box), a person never is. The token lives in MariaDB
 * ({@code persistent_logins}, through Spring's {@link JdbcTokenRepositoryImpl}), so no secret has to be configured
 * and a restarted server still knows it.
 * <p>
 * Unlike Spring's {@code PersistentTokenBasedRememberMeServices} the token is not rotated on every use: after a
 * server restart a display's page reload, heartbeat and push reconnect arrive together with the same cookie, and
 * rotation would take the second of them for a stolen cookie and sign the display out. A device token is
 * revoked instead by signing the device out (its own series), or by disabling the account, resetting its password
 * or changing its role (all of its series), and it is refused at once if the account is no longer an enabled
 * DISPLAY account.
 * <p>
 * The database keeps only a SHA-256 hash of each token (a 192-bit random value needs no slow hash), so whoever reads
 * {@code persistent_logins} cannot sign a display in; the cookie's token is hashed and compared in constant time.
 */
final class DisplayDeviceRememberMe extends AbstractRememberMeServices {

    static final Duration VALIDITY = Duration.ofDays(365);

    private final JdbcTokenRepositoryImpl tokens;
    private final SecureRandom random = new SecureRandom();

    DisplayDeviceRememberMe(String key, UserDetailsService users, JdbcTokenRepositoryImpl tokens) {
        super(key, users);
        this.tokens = tokens;
        setAlwaysRemember(true);
        setTokenValiditySeconds((int) VALIDITY.toSeconds());
        setCookieName("clinic-display-device");
        // Like the session cookie: not sent on cross-site requests, never readable by scripts (HttpOnly by default),
        // Secure whenever the request came over HTTPS (in production, through the TLS proxy).
        setCookieCustomizer(cookie -> cookie.setAttribute("SameSite", "Lax"));
    }

    @Override
    protected void onLoginSuccess(HttpServletRequest request, HttpServletResponse response, Authentication signedIn) {
        if (!isDisplay(signedIn.getAuthorities())) {
            return; // people are never remembered
        }
        String series = randomValue();
        String token = randomValue();
        tokens.createNewToken(new PersistentRememberMeToken(signedIn.getName(), series, hash(token), new Date()));
        setCookie(new String[]{series, token}, getTokenValiditySeconds(), request, response);
    }

    @Override
    protected UserDetails processAutoLoginCookie(String[] cookie, HttpServletRequest request,
                                                 HttpServletResponse response) {
        if (cookie.length != 2) {
            throw new InvalidCookieException("A display device cookie has two parts");
        }
        PersistentRememberMeToken token = tokens.getTokenForSeries(cookie[0]);
        if (token == null) {
            throw new RememberMeAuthenticationException("This display device was signed out");
        }
        if (!MessageDigest.isEqual(token.getTokenValue().getBytes(StandardCharsets.US_ASCII),
                hash(cookie[1]).getBytes(StandardCharsets.US_ASCII))) {
            throw new RememberMeAuthenticationException("Display device token does not match");
        }
        if (token.getDate().toInstant().plus(VALIDITY).isBefore(new Date().toInstant())) {
            forgetSeries(token.getSeries());
            throw new RememberMeAuthenticationException("Display device token expired");
        }
        UserDetails user = getUserDetailsService().loadUserByUsername(token.getUsername());
        if (!isDisplay(user.getAuthorities())) {
            tokens.removeUserTokens(token.getUsername());
            throw new RememberMeAuthenticationException("The account is no longer a display device");
        }
        tokens.updateToken(token.getSeries(), token.getTokenValue(), new Date());
        setCookie(cookie, getTokenValiditySeconds(), request, response);
        return user;
    }

    @Override
    public void logout(HttpServletRequest request, HttpServletResponse response,
                       @Nullable Authentication authentication) {
        String cookie = extractRememberMeCookie(request);
        if (cookie != null && !cookie.isEmpty()) {
            try {
                String[] parts = decodeCookie(cookie);
                if (parts.length > 0) {
                    forgetSeries(parts[0]); // this device only; other screens on the same account stay signed in
                }
            } catch (InvalidCookieException ignored) {
                // nothing stored for a cookie we cannot read
            }
        }
        super.logout(request, response, authentication);
    }

    /** Forgets every remembered device of an account (disabled, or no longer a display). */
    void forgetUser(String username) {
        tokens.removeUserTokens(username);
    }

    private void forgetSeries(String series) {
        var jdbc = tokens.getJdbcTemplate();
        if (jdbc != null) {
            jdbc.update("delete from persistent_logins where series = ?", series);
        }
    }

    private String randomValue() {
        byte[] bytes = new byte[24];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** The stored form of a token: SHA-256, URL-safe Base64 (43 characters). */
    static String hash(String token) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException missing) {
            throw new IllegalStateException("Every Java runtime has SHA-256", missing);
        }
    }

    /** A device account: a waiting-room display or a check-in kiosk. */
    private static boolean isDisplay(Collection<? extends GrantedAuthority> authorities) {
        return authorities.stream().anyMatch(a -> Role.DISPLAY.authority().equals(a.getAuthority())
                || Role.KIOSK.authority().equals(a.getAuthority()));
    }
}
