package org.clinic.security.ui;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import org.clinic.security.CreateStaffAccount;
import org.clinic.security.Role;
import org.clinic.security.StaffAccountChangeEntry;
import org.clinic.security.StaffAccountService;
import org.clinic.security.StaffAccountSummary;
import org.clinic.security.StaffPasswords;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.test.context.support.WithMockUser;

import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest
@WithMockUser(username = "boss", roles = "ADMIN")
class StaffAccountsViewTest extends SpringBrowserlessTest {

    private static final int ROLE_COLUMN = 1;
    private static final int DISPLAY_COLUMN = 3;
    private static final int ACTIONS_COLUMN = 4;

    @Autowired
    StaffAccountService service;

    @Test
    void an_administrator_creates_an_account_that_then_appears_in_the_list() {
        String username = "nurse" + ThreadLocalRandom.current().nextInt(1_000_000);
        navigate(StaffAccountsView.class);

        test($(Button.class).id("new-account")).click();
        Dialog dialog = $(Dialog.class).single();
        test($(TextField.class, dialog).withCaption("Name").single()).setValue("Neema Otieno");
        test($(TextField.class, dialog).withCaption("User name").single()).setValue(username);
        test(roleSelect(dialog)).selectItem("Receptionist");
        test($(PasswordField.class, dialog).single()).setValue("a-long-enough-password");
        test($(Button.class).id("create-account")).click();

        assertThat(accounts().getListDataView().getItems().map(StaffAccountSummary::username)).contains(username);
        assertThat(accounts().getListDataView().getItems().filter(a -> a.username().equals(username))
                .findFirst().orElseThrow().role()).isEqualTo(Role.RECEPTIONIST);
    }

    @Test
    void a_bad_user_name_and_a_short_password_are_shown_at_their_fields() {
        navigate(StaffAccountsView.class);

        test($(Button.class).id("new-account")).click();
        Dialog dialog = $(Dialog.class).single();
        test($(TextField.class, dialog).withCaption("Name").single()).setValue("Someone");
        test($(TextField.class, dialog).withCaption("User name").single()).setValue("Bad Name <b>");
        test(roleSelect(dialog)).selectItem("Doctor");
        test($(PasswordField.class, dialog).single()).setValue("short");
        test($(Button.class).id("create-account")).click();

        assertThat($(TextField.class, dialog).withCaption("User name").single().getErrorMessage()).contains("lower-case");
        assertThat($(PasswordField.class, dialog).single().getErrorMessage()).contains("10");
        assertThat(dialog.isOpened()).isTrue();
    }

    @Test
    void a_common_password_a_too_long_one_and_the_persons_own_name_are_refused_next_to_the_password() {
        navigate(StaffAccountsView.class);
        test($(Button.class).id("new-account")).click();
        Dialog dialog = $(Dialog.class).single();
        test($(TextField.class, dialog).withCaption("Name").single()).setValue("Wanjiru Kamau");
        test($(TextField.class, dialog).withCaption("User name").single()).setValue(uniqueUsername("wanjiru"));
        test(roleSelect(dialog)).selectItem("Doctor");
        PasswordField password = $(PasswordField.class, dialog).single();

        test(password).setValue("password123");
        test($(Button.class).id("create-account")).click();
        assertThat(password.getErrorMessage()).isEqualTo(StaffPasswords.COMMON);

        test(password).setValue("kamau-wanjiru-1");
        test($(Button.class).id("create-account")).click();
        assertThat(password.getErrorMessage()).isEqualTo(StaffPasswords.OWN_NAME);

        test(password).setValue("k3-".repeat(43));
        test($(Button.class).id("create-account")).click();
        assertThat(password.getErrorMessage()).isEqualTo(StaffPasswords.TOO_LONG);
        assertThat(dialog.isOpened()).isTrue();
    }

    @Test
    void an_80_character_password_creates_the_account() {
        String username = uniqueUsername("long");
        navigate(StaffAccountsView.class);
        test($(Button.class).id("new-account")).click();
        Dialog dialog = $(Dialog.class).single();
        test($(TextField.class, dialog).withCaption("Name").single()).setValue("Lindiwe Dube");
        test($(TextField.class, dialog).withCaption("User name").single()).setValue(username);
        test(roleSelect(dialog)).selectItem("Receptionist");
        test($(PasswordField.class, dialog).single())
                .setValue("the-orchard-behind-the-old-mill-floods-every-spring-and-the-herons-come-back-now");
        test($(Button.class).id("create-account")).click();

        assertThat(dialog.isOpened()).isFalse();
        assertThat(accounts().getListDataView().getItems().map(StaffAccountSummary::username)).contains(username);
    }

    @Test
    void the_reset_dialog_refuses_a_common_password_next_to_the_field_and_the_history_shows_each_change() {
        StaffAccountSummary account = service.create(new CreateStaffAccount(uniqueUsername("desk"), "Desk Person",
                "correct-horse-battery", Role.RECEPTIONIST));
        navigate(StaffAccountsView.class);

        test(button(account, "Reset password")).click();
        Dialog reset = $(Dialog.class).single();
        PasswordField password = $(PasswordField.class, reset).single();
        test(password).setValue("Password123!");
        test($(Button.class, reset).withText("Set password").single()).click();
        assertThat(password.getErrorMessage()).isEqualTo(StaffPasswords.COMMON);
        test(password).setValue("a-brand-new-secret");
        test($(Button.class, reset).withText("Set password").single()).click();
        assertThat(reset.isOpened()).isFalse();

        test(button(account, "History")).click();
        Dialog history = $(Dialog.class).id("account-history");
        @SuppressWarnings("unchecked")
        Grid<StaffAccountChangeEntry> changes = $(Grid.class, history).single();
        assertThat(test(changes).size()).isEqualTo(2);
        assertThat(test(changes).getCellText(0, 1)).isEqualTo("boss");
        assertThat(test(changes).getCellText(0, 2)).isEqualTo("Password reset; signed out everywhere");
        assertThat(test(changes).getCellText(1, 2)).isEqualTo("Created as Receptionist");
    }

    @Test
    void an_administrator_turns_a_displays_initials_on_and_people_have_no_such_setting() {
        StaffAccountSummary tv = service.create(new CreateStaffAccount(uniqueUsername("tv"), "Waiting room TV",
                "lantern-harbour-42", Role.DISPLAY));
        StaffAccountSummary doctor = service.create(new CreateStaffAccount(uniqueUsername("doc"), "Dr Initials",
                "correct-horse-battery", Role.DOCTOR));
        navigate(StaffAccountsView.class);

        Component none = test(accounts()).getCellComponent(row(doctor), DISPLAY_COLUMN);
        assertThat(none).isNotInstanceOf(Checkbox.class);
        Checkbox initials = (Checkbox) test(accounts()).getCellComponent(row(tv), DISPLAY_COLUMN);
        assertThat(initials.getValue()).isFalse();
        test(initials).click();

        assertThat(service.list().stream().filter(a -> a.id().equals(tv.id())).findFirst().orElseThrow()
                .displayInitials()).isTrue();
        assertThat(service.history(tv.id()).getFirst().kind()).isEqualTo(StaffAccountChangeEntry.Kind.INITIALS_SHOWN);
    }

    @Test
    void roles_are_shown_as_text_and_no_role_can_be_changed_from_the_grid_itself() {
        StaffAccountSummary doctor = service.create(new CreateStaffAccount(uniqueUsername("doc"), "Dr Badge",
                "correct-horse-battery", Role.DOCTOR));
        navigate(StaffAccountsView.class);

        Component cell = test(accounts()).getCellComponent(row(doctor), ROLE_COLUMN);
        assertThat(cell.getChildren().filter(Span.class::isInstance).map(c -> ((Span) c).getText()))
                .containsExactly("Doctor");
        assertThat($(Select.class).all()).isEmpty();
    }

    @Test
    void a_role_changes_only_after_a_confirmation_that_names_the_person_and_both_roles() {
        StaffAccountSummary account = service.create(new CreateStaffAccount(uniqueUsername("desk"), "Imani Wambui",
                "correct-horse-battery", Role.RECEPTIONIST));
        navigate(StaffAccountsView.class);

        test(changeRoleButton(account)).click();
        Dialog dialog = $(Dialog.class).id("role-dialog");
        assertThat($(Button.class, dialog).id("change-role").isEnabled()).isFalse(); // nothing chosen yet
        test(newRole(dialog)).selectItem("Doctor");
        test($(Button.class, dialog).id("change-role")).click();

        ConfirmDialog question = $(ConfirmDialog.class).id("role-change-confirm");
        assertThat(test(question).getHeader()).isEqualTo("Change the role of Imani Wambui?");
        assertThat(test(question).getText()).contains("Imani Wambui (" + account.username() + ")")
                .contains("from Receptionist to Doctor");
        assertThat(role(account)).isEqualTo(Role.RECEPTIONIST); // asking changed nothing

        test(question).cancel();
        assertThat(role(account)).isEqualTo(Role.RECEPTIONIST);

        test($(Button.class, dialog).id("change-role")).click();
        test($(ConfirmDialog.class).id("role-change-confirm")).confirm();

        assertThat(dialog.isOpened()).isFalse();
        assertThat(role(account)).isEqualTo(Role.DOCTOR);
        assertThat(test(accounts()).getRow(row(account)).role()).isEqualTo(Role.DOCTOR);
        StaffAccountChangeEntry last = service.history(account.id()).getFirst();
        assertThat(last.description()).isEqualTo("Role changed from Receptionist to Doctor");
        assertThat(last.changedBy()).isEqualTo("boss");
    }

    @Test
    void an_administrator_cannot_change_their_own_role_and_is_told_so_in_the_dialog() {
        StaffAccountSummary boss = service.list().stream().filter(a -> a.username().equals("boss")).findFirst()
                .orElseGet(() -> service.create(new CreateStaffAccount("boss", "The Boss", "correct-horse-battery",
                        Role.ADMIN)));
        Role before = boss.role();
        int changes = service.history(boss.id()).size();
        navigate(StaffAccountsView.class);

        test(changeRoleButton(boss)).click();
        Dialog dialog = $(Dialog.class).id("role-dialog");
        test(newRole(dialog)).selectItem(before == Role.RECEPTIONIST ? "Doctor" : "Receptionist");
        test($(Button.class, dialog).id("change-role")).click();
        test($(ConfirmDialog.class).id("role-change-confirm")).confirm();

        assertThat(dialog.isOpened()).isTrue();
        assertThat(newRole(dialog).isInvalid()).isTrue();
        assertThat(newRole(dialog).getErrorMessage()).isEqualTo("You cannot change your own role");
        assertThat(role(boss)).isEqualTo(before);
        assertThat(service.history(boss.id())).hasSize(changes);
    }

    @Test
    void a_role_changed_meanwhile_by_another_administrator_is_not_overwritten() {
        StaffAccountSummary account = service.create(new CreateStaffAccount(uniqueUsername("nurse"), "Kofi Mensah",
                "correct-horse-battery", Role.RECEPTIONIST));
        navigate(StaffAccountsView.class);
        test(changeRoleButton(account)).click();
        Dialog dialog = $(Dialog.class).id("role-dialog");
        test(newRole(dialog)).selectItem("Administrator");

        service.changeRole(account.id(), Role.DOCTOR); // another administrator, at the same time

        test($(Button.class, dialog).id("change-role")).click();
        test($(ConfirmDialog.class).id("role-change-confirm")).confirm();
        assertThat(newRole(dialog).getErrorMessage()).contains("is Doctor now").contains("nothing was changed");
        assertThat(role(account)).isEqualTo(Role.DOCTOR);
        assertThat(test(accounts()).getRow(row(account)).role()).isEqualTo(Role.DOCTOR); // the grid shows it now
    }

    @Test
    void the_search_finds_accounts_by_any_word_of_the_name_or_the_user_name_ignoring_case_and_accents() {
        String tag = Integer.toString(ThreadLocalRandom.current().nextInt(1_000_000, 9_999_999));
        StaffAccountSummary lopez = service.create(new CreateStaffAccount("mgl" + tag, "María García López" + tag,
                "correct-horse-battery", Role.DOCTOR));
        StaffAccountSummary other = service.create(new CreateStaffAccount("jb" + tag, "Jonas Berg" + tag,
                "correct-horse-battery", Role.RECEPTIONIST));
        navigate(StaffAccountsView.class);
        TextField search = $(TextField.class).id("staff-search");

        test(search).setValue("LOPEZ" + tag);
        assertThat(shownUsernames()).containsExactly(lopez.username());
        assertThat($(Span.class).id("staff-shown").getText()).startsWith("1 of ");

        test(search).setValue("maria " + tag);
        assertThat(shownUsernames()).containsExactly(lopez.username());

        test(search).setValue("jb" + tag);
        assertThat(shownUsernames()).containsExactly(other.username());

        test(search).setValue("nobody-called-this" + tag);
        assertThat(shownUsernames()).isEmpty();
        assertThat(accounts().getEmptyStateText()).contains("No account matches");

        test(search).clear();
        assertThat(shownUsernames()).contains(lopez.username(), other.username());
    }

    private Button button(StaffAccountSummary account, String text) {
        Component actions = test(accounts()).getCellComponent(row(account), ACTIONS_COLUMN);
        return actions.getChildren().filter(c -> c instanceof Button b && text.equals(b.getText()))
                .map(Button.class::cast).findFirst().orElseThrow();
    }

    private int row(StaffAccountSummary account) {
        var grid = test(accounts());
        for (int i = 0; i < grid.size(); i++) {
            if (grid.getRow(i).id().equals(account.id())) {
                return i;
            }
        }
        throw new AssertionError("No row for " + account.username());
    }

    private Button changeRoleButton(StaffAccountSummary account) {
        Component cell = test(accounts()).getCellComponent(row(account), ROLE_COLUMN);
        return cell.getChildren().filter(Button.class::isInstance).map(Button.class::cast).findFirst().orElseThrow();
    }

    private Role role(StaffAccountSummary account) {
        return service.list().stream().filter(a -> a.id().equals(account.id())).findFirst().orElseThrow().role();
    }

    private java.util.List<String> shownUsernames() {
        return accounts().getListDataView().getItems().map(StaffAccountSummary::username).toList();
    }

    @SuppressWarnings("unchecked")
    private RadioButtonGroup<Role> newRole(Dialog dialog) {
        return $(RadioButtonGroup.class, dialog).id("new-role");
    }

    private static String uniqueUsername(String prefix) {
        return prefix + ThreadLocalRandom.current().nextInt(1_000_000, 9_999_999);
    }

    @SuppressWarnings("unchecked")
    private Select<Role> roleSelect(Dialog dialog) {
        return $(Select.class, dialog).single();
    }

    @SuppressWarnings("unchecked")
    private Grid<StaffAccountSummary> accounts() {
        return $(Grid.class).single();
    }
}
