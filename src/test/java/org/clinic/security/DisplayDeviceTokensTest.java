package org.clinic.security;

import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.test.context.support.WithMockUser;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;

/** A display device's remember-me token: stored only as a hash, still signs the device in, gone with a reset. */
@SpringBootTest
@WithMockUser(username = "boss", roles = "ADMIN")
class DisplayDeviceTokensTest {

    private static final String COOKIE = "clinic-display-device";

    @Autowired
    StaffAccountService accounts;
    @Autowired
    DisplayDeviceRememberMe displayDevices;
    @Autowired
    StaffUserDetailsService users;
    @Autowired
    JdbcClient jdbc;

    @Test
    void the_database_keeps_only_a_hash_of_the_token_and_the_cookie_still_signs_the_display_in() {
        StaffAccountSummary tv = accounts.create(StaffAccountServiceTest.newAccount(Role.DISPLAY));
        Cookie cookie = signIn(tv);
        String[] seriesAndToken = decode(cookie);

        String stored = jdbc.sql("SELECT token FROM persistent_logins WHERE series = :s")
                .param("s", seriesAndToken[0]).query(String.class).single();
        assertThat(stored).isNotEqualTo(seriesAndToken[1]).isEqualTo(DisplayDeviceRememberMe.hash(seriesAndToken[1]))
                .hasSize(43);

        Authentication remembered = autoLogin(cookie);
        assertThat(remembered).isNotNull();
        assertThat(remembered.getName()).isEqualTo(tv.username());
        assertThat(autoLogin(cookie)).as("the token is not rotated: a second request signs in too").isNotNull();
    }

    @Test
    void what_the_database_holds_cannot_be_used_as_a_cookie() {
        StaffAccountSummary tv = accounts.create(StaffAccountServiceTest.newAccount(Role.DISPLAY));
        String series = decode(signIn(tv))[0];
        String stored = jdbc.sql("SELECT token FROM persistent_logins WHERE series = :s").param("s", series)
                .query(String.class).single();

        assertThat(autoLogin(encode(series, stored))).isNull();
    }

    @Test
    void a_password_reset_or_disabling_forgets_every_remembered_display_of_the_account() {
        StaffAccountSummary reset = accounts.create(StaffAccountServiceTest.newAccount(Role.DISPLAY));
        Cookie first = signIn(reset);
        Cookie second = signIn(reset);
        StaffAccountSummary disabled = accounts.create(StaffAccountServiceTest.newAccount(Role.DISPLAY));
        Cookie third = signIn(disabled);

        accounts.resetPassword(reset.id(), "a-brand-new-secret");
        accounts.disable(disabled.id());

        assertThat(tokensOf(reset)).isZero();
        assertThat(tokensOf(disabled)).isZero();
        assertThat(autoLogin(first)).isNull();
        assertThat(autoLogin(second)).isNull();
        assertThat(autoLogin(third)).isNull();
    }

    @Test
    void a_role_change_forgets_the_displays_of_the_account() {
        StaffAccountSummary tv = accounts.create(StaffAccountServiceTest.newAccount(Role.DISPLAY));
        Cookie cookie = signIn(tv);

        accounts.changeRole(tv.id(), Role.RECEPTIONIST);

        assertThat(tokensOf(tv)).isZero();
        assertThat(autoLogin(cookie)).isNull();
    }

    private Cookie signIn(StaffAccountSummary account) {
        UserDetails user = users.loadUserByUsername(account.username());
        MockHttpServletResponse response = new MockHttpServletResponse();
        displayDevices.loginSuccess(new MockHttpServletRequest(), response,
                UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
        Cookie cookie = response.getCookie(COOKIE);
        assertThat(cookie).isNotNull();
        return cookie;
    }

    private Authentication autoLogin(Cookie cookie) {
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.setCookies(cookie);
        return displayDevices.autoLogin(request, new MockHttpServletResponse());
    }

    private int tokensOf(StaffAccountSummary account) {
        return jdbc.sql("SELECT COUNT(*) FROM persistent_logins WHERE username = :u").param("u", account.username())
                .query(Integer.class).single();
    }

    /** Spring's remember-me cookie: Base64 of "series:token", padding removed. */
    private static String[] decode(Cookie cookie) {
        String value = cookie.getValue();
        String padded = value + "=".repeat((4 - value.length() % 4) % 4);
        return new String(Base64.getDecoder().decode(padded), StandardCharsets.UTF_8).split(":");
    }

    private static Cookie encode(String series, String token) {
        String value = Base64.getEncoder().withoutPadding()
                .encodeToString((series + ":" + token).getBytes(StandardCharsets.UTF_8));
        return new Cookie(COOKIE, value);
    }
}
