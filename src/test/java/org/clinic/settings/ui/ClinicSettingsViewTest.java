package org.clinic.settings.ui;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import org.clinic.base.ClinicIdentitySource;
import org.clinic.base.Setting;
import org.clinic.queue.QueueService;
import org.clinic.security.Role;
import org.clinic.security.SystemAuthentication;
import org.clinic.settings.ClinicSettingsService;
import org.clinic.settings.SettingChange;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.test.context.support.WithMockUser;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest
@WithMockUser(username = "boss", roles = "ADMIN")
class ClinicSettingsViewTest extends SpringBrowserlessTest {

    @Autowired
    ClinicSettingsService service;
    @Autowired
    ClinicIdentitySource identity;
    @Autowired
    QueueService queue;

    private final Map<Setting, String> before = new EnumMap<>(Setting.class);

    @BeforeEach
    void remember() {
        SystemAuthentication.runAs(Role.ADMIN, () -> service.current())
                .forEach((setting, entry) -> before.put(setting, entry.value()));
    }

    @AfterEach
    void put_back() {
        SystemAuthentication.runAs(Role.ADMIN, () -> service.save(before));
    }

    @Test
    void the_screen_shows_the_settings_in_force() {
        navigate(ClinicSettingsView.class);

        assertThat($(TextField.class).id("settings-name").getValue()).isEqualTo(identity.current().name());
        assertThat($(ComboBox.class).id("settings-time-zone").getValue()).isEqualTo(before.get(Setting.TIME_ZONE));
        assertThat($(IntegerField.class).id("settings-long-wait").getValue())
                .isEqualTo((int) queue.settings().longWait().toMinutes());
        assertThat($(TextField.class).id("settings-same-day").getHelperText()).startsWith("Next: ");
    }

    @Test
    void a_bad_value_is_shown_beside_its_field_and_nothing_is_saved() {
        navigate(ClinicSettingsView.class);
        long changes = service.history().size();

        test($(IntegerField.class).id("settings-long-wait")).setValue(2);
        test($(TextField.class).id("settings-name")).setValue("  ");
        test($(Button.class).id("settings-queue-save")).click();
        test($(Button.class).id("settings-identity-save")).click();

        IntegerField longWait = $(IntegerField.class).id("settings-long-wait");
        assertThat(longWait.isInvalid()).isTrue();
        assertThat(longWait.getErrorMessage()).contains("Minutes from 5");
        assertThat($(TextField.class).id("settings-name").getErrorMessage()).contains("clinic's name");
        assertThat(service.history()).hasSize((int) changes);
        assertThat(queue.settings().longWait().toMinutes()).isEqualTo(
                org.clinic.base.ClinicSettings.parseDuration(before.get(Setting.LONG_WAIT)).toMinutes());
    }

    @Test
    void a_section_saved_says_what_changed_lists_it_in_the_history_and_is_in_force_at_once() {
        navigate(ClinicSettingsView.class);

        test($(TextField.class).id("settings-name")).setValue("Lakeside Clinic");
        test($(Button.class).id("settings-identity-save")).click();
        test($(IntegerField.class).id("settings-long-wait")).setValue(50);
        test($(Button.class).id("settings-queue-save")).click();

        assertThat($(Paragraph.class).id("settings-identity-confirmation").getText())
                .contains("Clinic name: " + before.get(Setting.NAME)).contains("→ Lakeside Clinic");
        assertThat($(Paragraph.class).id("settings-queue-confirmation").getText()).contains("Long wait after");
        assertThat(identity.current().name()).isEqualTo("Lakeside Clinic");
        assertThat(queue.settings().longWait()).isEqualTo(Duration.ofMinutes(50));
        @SuppressWarnings("unchecked")
        Grid<SettingChange> history = $(Grid.class).id("settings-history");
        assertThat(test(history).getCellText(0, 2)).isEqualTo("Long wait after");
        assertThat(test(history).getCellText(0, 4)).isEqualTo("50 min");
        assertThat(test(history).getCellText(1, 4)).isEqualTo("Lakeside Clinic");
        assertThat(test(history).getCellText(0, 1)).isEqualTo("boss");
    }
}
