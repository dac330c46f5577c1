package org.clinic.security;

import org.clinic.security.signin.SignInFixtures;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.config.annotation.authentication.configuration.AuthenticationConfiguration;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sign-in form's post against the running server, as a browser sends it: the session cookie from the sign-in
 * page, and the CSRF token the page carries in its meta tags (which Vaadin's login form copies into its post).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SignInFormTest {

    private static final String AGENT = "SignInFormTest/1.0";

    @LocalServerPort
    int port;
    @Autowired
    StaffAccountService accounts;
    @Autowired
    AuthenticationConfiguration authentication;
    @Autowired
    JdbcClient jdbc;

    @Test
    void the_form_with_the_token_from_its_page_signs_in_and_is_logged() throws Exception {
        String name = new SignInFixtures(accounts, authentication).account(Role.RECEPTIONIST).username();
        Browser browser = new Browser();
        Document page = browser.signInPage();
        String parameter = page.selectFirst("meta[name=_csrf_parameter]").attr("content");
        String token = page.selectFirst("meta[name=_csrf]").attr("content");

        HttpResponse<String> posted = browser.post(Map.of("username", name, "password", SignInFixtures.PASSWORD,
                parameter, token));

        assertThat(posted.statusCode()).isEqualTo(302);
        assertThat(posted.headers().firstValue("Location").orElseThrow()).doesNotContain("login");
        assertThat(jdbc.sql("SELECT user_agent FROM authentication_event WHERE kind = 'SIGNED_IN' AND username = :u"
                + " AND address IS NOT NULL").param("u", name).query(String.class).list()).containsExactly(AGENT);
    }

    @Test
    void a_post_without_the_token_is_refused_even_with_the_right_password() throws Exception {
        String name = new SignInFixtures(accounts, authentication).account(Role.RECEPTIONIST).username();
        Browser browser = new Browser();
        browser.signInPage();

        HttpResponse<String> posted = browser.post(Map.of("username", name, "password", SignInFixtures.PASSWORD));

        assertThat(posted.statusCode()).isEqualTo(302);
        assertThat(posted.headers().firstValue("Location").orElseThrow()).endsWith("/login?expired");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM authentication_event WHERE username = :u").param("u", name)
                .query(Long.class).single()).as("the password was never even checked").isZero();
        assertThat(new Browser().post(Map.of("username", name, "password", SignInFixtures.PASSWORD,
                "_csrf", "made-up")).headers().firstValue("Location").orElseThrow()).endsWith("/login?expired");
    }

    @Test
    void a_wrong_password_and_a_user_name_that_does_not_exist_get_the_same_answer() throws Exception {
        String name = new SignInFixtures(accounts, authentication).account(Role.DOCTOR).username();

        HttpResponse<String> wrongPassword = new Browser().signInWithPageToken(name, "not-the-password");
        HttpResponse<String> unknownName = new Browser().signInWithPageToken(SignInFixtures.unknownName(),
                "not-the-password");

        assertThat(wrongPassword.statusCode()).isEqualTo(unknownName.statusCode()).isEqualTo(302);
        assertThat(wrongPassword.headers().firstValue("Location")).isEqualTo(unknownName.headers()
                .firstValue("Location")).hasValueSatisfying(location -> assertThat(location).endsWith("/login?error"));
    }

    /** One browser: its own cookies, no redirects followed. */
    private final class Browser {

        private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();

        Document signInPage() throws Exception {
            HttpResponse<String> page = http.send(HttpRequest.newBuilder(uri("/login")).header("Accept", "text/html")
                    .header("User-Agent", AGENT).GET().build(), HttpResponse.BodyHandlers.ofString());
            assertThat(page.statusCode()).isEqualTo(200);
            return Jsoup.parse(page.body());
        }

        HttpResponse<String> signInWithPageToken(String username, String password) throws Exception {
            Document page = signInPage();
            return post(Map.of("username", username, "password", password,
                    page.selectFirst("meta[name=_csrf_parameter]").attr("content"),
                    page.selectFirst("meta[name=_csrf]").attr("content")));
        }

        HttpResponse<String> post(Map<String, String> form) throws Exception {
            String body = new LinkedHashMap<>(form).entrySet().stream()
                    .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                            + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                    .collect(Collectors.joining("&"));
            return http.send(HttpRequest.newBuilder(uri("/login"))
                    .header("Content-Type", "application/x-www-form-urlencoded").header("User-Agent", AGENT)
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        }

        private URI uri(String path) {
            return URI.create("http://127.0.0.1:" + port + path);
        }
    }
}
