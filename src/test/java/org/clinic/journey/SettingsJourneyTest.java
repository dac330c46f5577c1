package org.clinic.journey;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.FilePayload;
import org.clinic.base.ClinicIdentitySource;
import org.clinic.base.Setting;
import org.clinic.security.CreateStaffAccount;
import org.clinic.security.Role;
import org.clinic.security.StaffAccountService;
import org.clinic.security.SystemAuthentication;
import org.clinic.settings.ClinicSettingsService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * An administrator changes the clinic's settings in a real browser: a bad value is refused beside its field, a good
 * one is confirmed and in force at once, a logo is uploaded and previewed. Screenshots at 1366x768 go to
 * target/screenshots.
 */
class SettingsJourneyTest extends JourneyTest {

    private static final String PASSWORD = "journey-password-1";
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

    @Autowired
    StaffAccountService accounts;
    @Autowired
    ClinicSettingsService settings;
    @Autowired
    ClinicIdentitySource identity;

    private final Map<Setting, String> before = new EnumMap<>(Setting.class);

    @BeforeEach
    void remember() {
        SystemAuthentication.runAs(Role.ADMIN, () -> settings.current())
                .forEach((setting, entry) -> before.put(setting, entry.value()));
    }

    @AfterEach
    void put_back() {
        SystemAuthentication.runAs(Role.ADMIN, () -> {
            settings.save(before);
            return settings.removeLogo();
        });
    }

    @Test
    void an_administrator_changes_the_clinics_settings_on_screen() throws Exception {
        Page admin = browsers.signIn(administrator(), PASSWORD, 1366, 768);
        admin.navigate(browsers.url("admin/settings"));
        assertThat(admin.locator("#settings-name input")).hasValue(identity.current().name());
        screenshot(admin, "settings", false);

        admin.locator("#settings-long-wait input").fill("2");
        admin.locator("#settings-queue-save").click();
        assertThat(admin.locator("#settings-long-wait")).containsText("Minutes from 5");
        assertThat(admin.locator("#settings-long-wait")).hasAttribute("invalid", "");

        admin.locator("#settings-name input").fill("Lakeside Clinic");
        admin.locator("#settings-identity-save").click();
        assertThat(admin.locator("#settings-identity-confirmation")).containsText("→ Lakeside Clinic");
        assertThat(identity.current().name()).isEqualTo("Lakeside Clinic");

        admin.locator("#clinic-logo-upload input[type=file]").setInputFiles(
                new FilePayload("logo.png", "image/png", logo()));
        assertThat(admin.locator("#clinic-logo-image")).isVisible();
        screenshot(admin, "settings-saved", false);

        admin.locator("#settings-queue").scrollIntoViewIfNeeded();
        // saving another section left the refused value and its message as they were
        assertThat(admin.locator("#settings-long-wait input")).hasValue("2");
        assertThat(admin.locator("#settings-long-wait")).containsText("Minutes from 5");
        screenshot(admin, "settings-queue-refused", false);
        Locator history = admin.locator("#settings-history");
        assertThat(history).containsText("Lakeside Clinic");
        admin.locator("#settings-reminders").scrollIntoViewIfNeeded();
        screenshot(admin, "settings-reminders", false);
        history.scrollIntoViewIfNeeded();
        screenshot(admin, "settings-history", false);
    }

    private static byte[] logo() throws Exception {
        BufferedImage image = new BufferedImage(240, 80, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(0x1f6f8b));
        g.fillRect(0, 0, 240, 80);
        g.setColor(Color.WHITE);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 30));
        g.drawString("Lakeside", 40, 52);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    private String administrator() {
        return SystemAuthentication.runAs(Role.ADMIN, () -> accounts.create(new CreateStaffAccount(
                "settings" + ThreadLocalRandom.current().nextInt(1_000_000), "Settings Administrator", PASSWORD,
                Role.ADMIN))).username();
    }

    private static void screenshot(Page page, String name, boolean fullPage) {
        page.waitForTimeout(300);
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(name + ".png")).setFullPage(fullPage));
    }
}
