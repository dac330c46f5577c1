package org.clinic.security.ui;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import org.clinic.security.Role;
import org.clinic.security.StaffAccountSummary;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.test.context.support.WithMockUser;

import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest
@WithMockUser(username = "boss", roles = "ADMIN")
class StaffAccountsViewTest extends SpringBrowserlessTest {

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

    @SuppressWarnings("unchecked")
    private Select<Role> roleSelect(Dialog dialog) {
        return $(Select.class, dialog).single();
    }

    @SuppressWarnings("unchecked")
    private Grid<StaffAccountSummary> accounts() {
        return $(Grid.class).single();
    }
}
