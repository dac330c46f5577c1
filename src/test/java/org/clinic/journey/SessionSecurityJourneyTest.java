package org.clinic.journey;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import org.clinic.security.CreateStaffAccount;
import org.clinic.security.Role;
import org.clinic.security.StaffAccountService;
import org.clinic.security.StaffAccountSummary;
import org.clinic.security.SystemAuthentication;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a browser sees of the session and header rules: an idle staff screen asks "Still there?" and then signs
 * out, a waiting-room display never does, every response carries the security headers, and the session id never
 * appears in a URL. The idle time is shortened to seconds here; the default is 30 minutes.
 */
@TestPropertySource(properties = {
        "clinic.sessions.idle-timeout=12s",
        "clinic.sessions.warning=8s",
        "clinic.sessions.check-every=500ms",
        "server.forward-headers-strategy=native"})
class SessionSecurityJourneyTest extends JourneyTest {

    private static final String PASSWORD = "journey-password-1";

    @Autowired
    StaffAccountService accounts;

    @Test
    void an_idle_staff_screen_warns_then_signs_out_and_a_click_on_the_warning_keeps_working() {
        Page desk = browsers.signIn(account(Role.RECEPTIONIST).username(), PASSWORD);
        assertThat(desk.locator("#arrival-filter")).isVisible(); // sign-in lands reception on its dashboard

        // Nobody touches the screen: after 4 s the warning, which a click answers.
        assertThat(desk.locator("#idle-warning")).containsText("Nobody has used this screen",
                new LocatorAssertions.ContainsTextOptions().setTimeout(12_000));
        assertThat(desk.locator("#idle-warning")).hasAttribute("aria-label", "Still there?");
        desk.locator("#stay-signed-in").click();
        assertThat(desk.locator("#idle-warning")).isHidden();
        assertThat(desk.locator("#arrival-filter")).isVisible();

        // Then nobody again: warned, and signed out with the reason on the sign-in page.
        desk.waitForURL(url -> url.contains("/login"), new Page.WaitForURLOptions().setTimeout(25_000));
        assertThat(desk.locator(".clinic-login-notice")).containsText("nobody used the screen");
        desk.navigate(browsers.url("patients"));
        assertThat(desk.locator("vaadin-login-form")).isVisible();
    }

    @Test
    void a_key_press_answers_the_idle_warning_too() {
        Page desk = browsers.signIn(account(Role.RECEPTIONIST).username(), PASSWORD);
        assertThat(desk.locator("#arrival-filter")).isVisible();

        assertThat(desk.locator("#idle-warning")).containsText("Nobody has used this screen",
                new LocatorAssertions.ContainsTextOptions().setTimeout(12_000));
        desk.keyboard().press("Shift"); // heard on its keyup, so keydown stays free for the screens' shortcuts

        assertThat(desk.locator("#idle-warning")).isHidden();
        assertThat(desk.locator("#arrival-filter")).isVisible();
    }

    @Test
    void a_waiting_room_display_stays_signed_in_with_nobody_touching_it() throws InterruptedException {
        Page tv = browsers.signIn(account(Role.DISPLAY).username(), PASSWORD, 1920, 1080);
        assertThat(tv.locator("#open-display")).isVisible();
        Thread.sleep(13_000); // longer than the idle time
        assertThat(tv.locator("#idle-warning")).isHidden();
        tv.reload();
        assertThat(tv.locator("#open-display")).isVisible();
        assertThat(tv.url()).doesNotContain("/login");
    }

    @Test
    void every_response_carries_the_security_headers_and_cookies_never_travel_in_urls()
            throws IOException, InterruptedException {
        HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        HttpResponse<String> login = http.send(HttpRequest.newBuilder(URI.create(browsers.url("login"))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(login.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(csp -> assertThat(csp)
                .contains("default-src 'self'", "object-src 'none'", "frame-ancestors 'none'", "base-uri 'self'"));
        assertThat(login.headers().firstValue("Referrer-Policy")).contains("no-referrer");
        assertThat(login.headers().firstValue("Permissions-Policy")).hasValueSatisfying(p -> assertThat(p)
                .contains("camera=()", "microphone=()", "geolocation=()"));
        assertThat(login.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
        assertThat(login.headers().firstValue("X-Frame-Options")).contains("DENY");
        assertThat(login.headers().firstValue("Strict-Transport-Security")).as("no HSTS over plain HTTP").isEmpty();
        assertThat(login.headers().allValues("Set-Cookie")).isNotEmpty().allSatisfy(cookie -> assertThat(cookie)
                .containsIgnoringCase("HttpOnly").containsIgnoringCase("SameSite=Lax"));

        // A protected page sends an anonymous visitor to sign in, without a session id in the address.
        HttpResponse<String> protectedPage = http.send(HttpRequest.newBuilder(URI.create(browsers.url("patients")))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(protectedPage.statusCode()).isEqualTo(302);
        assertThat(protectedPage.headers().firstValue("Location")).hasValueSatisfying(location ->
                assertThat(location).contains("/login").doesNotContainIgnoringCase("jsessionid"));

        // Behind the production TLS proxy the browser is told to stay on HTTPS.
        HttpResponse<String> overTls = http.send(HttpRequest.newBuilder(URI.create(browsers.url("login")))
                .header("X-Forwarded-Proto", "https").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(overTls.headers().firstValue("Strict-Transport-Security"))
                .hasValueSatisfying(hsts -> assertThat(hsts).contains("max-age=31536000", "includeSubDomains"));
    }

    @Test
    void the_violation_counter_sees_a_violation_so_zero_means_none_happened() {
        Page page = browsers.newPage(1366, 820);
        page.navigate(browsers.url("login"));
        assertThat(page.locator("vaadin-login-form")).isVisible();
        int before = browsers.cspViolations().size();
        page.evaluate("() => { const img = document.createElement('img');"
                + " img.src = 'https://tracker.invalid/pixel.png'; document.body.append(img); }");
        page.waitForCondition(() -> browsers.cspViolations().size() > before);
        List<String> seen = browsers.cspViolations().subList(before, browsers.cspViolations().size());
        assertThat(seen).singleElement().asString().contains("img-src", "tracker.invalid");
        browsers.forgetCspViolations(seen);
    }

    private StaffAccountSummary account(Role role) {
        String username = "ss" + role.name().toLowerCase().charAt(0) + ThreadLocalRandom.current().nextInt(1_000_000);
        return SystemAuthentication.runAs(Role.ADMIN, () -> accounts.create(
                new CreateStaffAccount(username, "Session Journey", PASSWORD, role)));
    }
}
