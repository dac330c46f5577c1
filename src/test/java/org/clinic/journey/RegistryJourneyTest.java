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

import java.util.concurrent.ThreadLocalRandom;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/** Two receptionists at two desks, in two real browser sessions, against the running app. */
class RegistryJourneyTest extends JourneyTest {

    private static final String PASSWORD = "journey-password-1";

    @Autowired
    StaffAccountService accounts;

    @Test
    void a_patient_registered_at_one_desk_appears_on_the_other_desks_open_search_without_reload() {
        Page deskA = browsers.signIn(account(Role.RECEPTIONIST).username(), PASSWORD);
        Page deskB = browsers.signIn(account(Role.RECEPTIONIST).username(), PASSWORD);
        String family = "Journey" + letters(6);

        deskB.navigate(browsers.url("patients"));
        deskB.locator("#patient-search input").fill(family);
        assertThat(deskB.locator("#patient-results")).containsText("No patient matches");

        deskA.navigate(browsers.url("patients/new"));
        deskA.locator("#given-name input").fill("Adébísí");
        deskA.locator("#family-name input").fill(family);
        deskA.locator("#birth-date input").fill("12/03/1984");
        deskA.locator("#birth-date input").press("Enter");
        deskA.locator("#sex vaadin-radio-button").filter(new com.microsoft.playwright.Locator.FilterOptions()
                .setHasText("Female")).click();
        deskA.locator("#phone input").fill("0113 496 0871");
        deskA.locator("#register").click();
        assertThat(deskA.locator("#patient-name")).hasText("Adébísí " + family);

        long clicked = System.nanoTime();
        assertThat(deskB.locator("#patient-results")).containsText(family + ", Adébísí",
                new LocatorAssertions.ContainsTextOptions().setTimeout(5_000));
        System.out.printf("Registration at desk A reached desk B's open search after %d ms%n",
                (System.nanoTime() - clicked) / 1_000_000);

        deskB.locator("#patient-results").getByText(family + ", Adébísí").click();
        assertThat(deskB.locator("#patient-mrn")).containsText("MRN");
        assertThat(deskB.locator("#patient-details")).containsText("0113 496 0871");
    }

    @Test
    void disabling_an_account_ends_its_open_session_at_once() {
        StaffAccountSummary doctor = account(Role.DOCTOR);
        Page page = browsers.signIn(doctor.username(), PASSWORD);
        assertThat(page.locator("#call-next")).isVisible(); // sign-in lands a doctor on their queue

        SystemAuthentication.runAs(Role.ADMIN, () -> accounts.disable(doctor.id()));

        page.waitForURL(url -> url.contains("/login"), new Page.WaitForURLOptions().setTimeout(10_000));
        assertThat(page.locator(".clinic-login-notice")).containsText("ended by an administrator");
        page.navigate(browsers.url("patients"));
        assertThat(page.locator("vaadin-login-form")).isVisible();
    }

    @Test
    void markup_in_a_name_and_an_impossible_date_are_refused_at_their_fields() {
        Page desk = browsers.signIn(account(Role.RECEPTIONIST).username(), PASSWORD);
        desk.navigate(browsers.url("patients/new"));
        desk.onDialog(dialog -> {
            throw new AssertionError("A script ran: " + dialog.message());
        });

        desk.locator("#given-name input").fill("<img src=x onerror=alert(1)>");
        desk.locator("#family-name input").click();

        assertThat(desk.locator("#given-name")).hasAttribute("invalid", "");
        assertThat(desk.locator("#given-name input")).hasValue("<img src=x onerror=alert(1)>");
        assertThat(desk.locator("#given-name")).containsText("Use letters");

        desk.locator("#birth-date input").fill("45/13/2020");
        desk.locator("#birth-date input").press("Enter");
        desk.locator("#family-name input").click();
        assertThat(desk.locator("#birth-date")).hasAttribute("invalid", "");
        assertThat(desk.locator("#birth-date")).containsText("Not a real date");
    }

    private StaffAccountSummary account(Role role) {
        return SystemAuthentication.runAs(Role.ADMIN, () -> accounts.create(new CreateStaffAccount(
                "journey" + ThreadLocalRandom.current().nextInt(1_000_000), "Journey " + role.label(), PASSWORD, role)));
    }

    private static String letters(int count) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < count; i++) {
            text.append((char) ('a' + ThreadLocalRandom.current().nextInt(26)));
        }
        return text.toString();
    }
}
