package org.clinic.portal;

import org.clinic.patient.PatientService;
import org.clinic.security.PatientSignInAccounts;
import org.clinic.security.Role;
import org.clinic.security.StaffAccountService;
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
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The two sign-in posts against the running server, as a browser sends them (the page's CSRF token): the portal's
 * signs in patients only, staff sign-in staff only; both are in the authentication log.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PortalSignInFormTest {

    @LocalServerPort
    int port;
    @Autowired
    StaffAccountService staff;
    @Autowired
    AuthenticationConfiguration authentication;
    @Autowired
    PatientService patients;
    @Autowired
    PortalSeeding seeding;
    @Autowired
    PatientSignInAccounts accounts;
    @Autowired
    JdbcClient jdbc;

    @Test
    void the_portal_signs_in_a_patient_and_sends_them_home() throws Exception {
        String email = PortalFixtures.uniqueEmail();
        new PortalFixtures(patients, seeding, accounts, jdbc).withAccount(email);

        HttpResponse<String> posted = new Browser().signIn("/portal", "/portal/login", email, PortalFixtures.PASSWORD);

        assertThat(posted.statusCode()).isEqualTo(302);
        assertThat(posted.headers().firstValue("Location").orElseThrow()).endsWith("/portal/home");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM authentication_event WHERE kind = 'SIGNED_IN' AND username = :u")
                .param("u", email).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void the_portal_never_signs_in_a_staff_member() throws Exception {
        String name = new SignInFixtures(staff, authentication).account(Role.ADMIN).username();

        HttpResponse<String> posted = new Browser().signIn("/portal", "/portal/login", name, SignInFixtures.PASSWORD);

        assertThat(posted.headers().firstValue("Location").orElseThrow()).endsWith("/portal?error");
    }

    @Test
    void staff_sign_in_never_signs_in_a_patient() throws Exception {
        String email = PortalFixtures.uniqueEmail();
        new PortalFixtures(patients, seeding, accounts, jdbc).withAccount(email);

        HttpResponse<String> posted = new Browser().signIn("/login", "/login", email, PortalFixtures.PASSWORD);

        assertThat(posted.headers().firstValue("Location").orElseThrow()).endsWith("/login?error");
    }

    @Test
    void a_portal_page_sends_a_visitor_to_the_portals_sign_in() throws Exception {
        HttpResponse<String> page = new Browser().get("/portal/home");

        assertThat(page.statusCode()).isEqualTo(302);
        assertThat(page.headers().firstValue("Location").orElseThrow()).endsWith("/portal");
    }

    /** One browser: its own cookies, no redirects followed. */
    private final class Browser {

        private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();

        HttpResponse<String> get(String path) throws Exception {
            return http.send(HttpRequest.newBuilder(uri(path)).header("Accept", "text/html").GET().build(),
                    HttpResponse.BodyHandlers.ofString());
        }

        HttpResponse<String> signIn(String page, String post, String username, String password) throws Exception {
            Document form = Jsoup.parse(get(page).body());
            Map<String, String> fields = Map.of("username", username, "password", password,
                    form.selectFirst("meta[name=_csrf_parameter]").attr("content"),
                    form.selectFirst("meta[name=_csrf]").attr("content"));
            String body = fields.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)
                    + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
            return http.send(HttpRequest.newBuilder(uri(post))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        }

        private URI uri(String path) {
            return URI.create("http://127.0.0.1:" + port + path);
        }
    }
}
