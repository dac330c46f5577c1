package org.clinic.journey;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import org.clinic.security.CreateStaffAccount;
import org.clinic.security.Role;
import org.clinic.security.StaffAccountService;
import org.clinic.security.SystemAuthentication;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.concurrent.ThreadLocalRandom;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * An administrator creates an API token on its screen (the secret shown once), the integration calls the API with
 * it, the screen shows the last use, the administrator revokes it and the next call is refused; a partner developer
 * opens Swagger UI, authorizes with a token and tries a call. Screenshots at 1366x768 go to target/screenshots.
 */
class ApiJourneyTest extends JourneyTest {

    private static final String PASSWORD = "journey-password-1";
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

    @Autowired
    StaffAccountService accounts;

    @Test
    void an_administrator_creates_a_token_the_integration_uses_it_and_it_stops_working_once_revoked() throws Exception {
        Page admin = browsers.signIn(administrator(), PASSWORD, 1366, 768);
        admin.navigate(browsers.url("admin/api-tokens"));
        String name = "lab-sync-" + ThreadLocalRandom.current().nextInt(1_000_000);

        admin.locator("#new-token").click();
        admin.locator("#token-name input").fill(name);
        admin.locator("#create-token").click();
        Locator secretField = admin.locator("#token-secret input");
        assertThat(secretField).hasValue(java.util.regex.Pattern.compile("clinic_.{43}"));
        String secret = secretField.inputValue();
        screenshot(admin, "api-token-secret");
        admin.locator("#secret-done").click();

        assertThat(call(secret)).isEqualTo(200);
        admin.reload();
        Locator row = admin.locator("vaadin-grid-cell-content").filter(new Locator.FilterOptions().setHasText(name));
        assertThat(row.first()).isVisible();
        assertThat(admin.locator("vaadin-grid")).not().containsText(secret);
        screenshot(admin, "api-tokens");

        admin.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
                new Page.GetByRoleOptions().setName("Revoke " + name)).click();
        admin.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
                new Page.GetByRoleOptions().setName("Revoke").setExact(true)).click();
        assertThat(admin.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
                new Page.GetByRoleOptions().setName("Revoke " + name))).hasCount(0);
        assertThat(call(secret)).isEqualTo(401);
        admin.reload();
        admin.locator("#token-filter input").fill(name); // other tests' tokens may fill the screen
        assertThat(admin.locator("vaadin-grid-cell-content").filter(new Locator.FilterOptions().setHasText("Revoked"))
                .first()).isVisible();
        screenshot(admin, "api-token-revoked");
    }

    @Test
    void a_partner_developer_reads_swagger_ui_authorizes_and_tries_a_call() {
        String secret = SystemAuthentication.runAs(Role.ADMIN, () -> tokenService.create(new org.clinic.api.NewApiToken(
                "swagger-" + ThreadLocalRandom.current().nextInt(1_000_000), Role.RECEPTIONIST, null, null))).secret();
        Page docs = browsers.newPage(1366, 768);
        docs.navigate(browsers.url("api/docs"));
        assertThat(docs.locator(".swagger-ui .info .title")).containsText("Clinic API");
        assertThat(docs.locator(".opblock-tag-section").first()).isVisible();
        screenshot(docs, "swagger-ui");

        docs.locator(".btn.authorize").first().click();
        docs.locator(".auth-container input").first().fill(secret);
        docs.locator(".auth-btn-wrapper .authorize").click();
        docs.locator(".auth-btn-wrapper .btn-done").click();
        Locator specialties = docs.locator("#operations-Doctors-specialties");
        specialties.locator(".opblock-summary").click();
        // "Try it out" is on already (springdoc.swagger-ui.try-it-out-enabled)
        specialties.locator(".execute").click();
        assertThat(specialties.locator(".live-responses-table tbody .response-col_status").first()).containsText("200");
        screenshot(docs, "swagger-ui-try-it-out");
    }

    @Autowired
    org.clinic.api.ApiTokenService tokenService;

    private int call(String secret) throws Exception {
        try (HttpClient http = HttpClient.newHttpClient()) {
            return http.send(HttpRequest.newBuilder(URI.create(browsers.url("api/v1/specialties")))
                    .header("Authorization", "Bearer " + secret).GET().build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        }
    }

    private String administrator() {
        return SystemAuthentication.runAs(Role.ADMIN, () -> accounts.create(new CreateStaffAccount(
                "journey" + ThreadLocalRandom.current().nextInt(1_000_000), "Journey Administrator", PASSWORD,
                Role.ADMIN))).username();
    }

    private static void screenshot(Page page, String name) {
        page.waitForTimeout(300);
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(name + ".png")));
    }
}
