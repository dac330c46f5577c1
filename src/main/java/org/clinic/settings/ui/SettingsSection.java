package org.clinic.settings.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import org.clinic.base.RuleViolation;
import org.clinic.base.Setting;
import org.clinic.base.ui.FieldMessages;
import org.clinic.settings.ClinicSettingsService;
import org.clinic.settings.SettingChange;
import org.clinic.settings.SettingRules;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A card of settings saved together: each field is checked by the same rules as the service before anything is
 * sent (the message beside the field, nothing saved), then the service checks again and saves; what changed is
 * confirmed by name, before and after.
 */
class SettingsSection extends Div {

    private final ClinicSettingsService service;
    private final SettingRules rules;
    private final Map<Setting, SettingField> fields = new LinkedHashMap<>();
    private final FormLayout form = new FormLayout();
    private final Runnable saved;
    private final Paragraph confirmation = new Paragraph();

    SettingsSection(String id, String title, String description, ClinicSettingsService service, SettingRules rules,
                    Runnable saved) {
        this.service = service;
        this.rules = rules;
        this.saved = saved;
        setId(id);
        addClassName("clinic-card");
        H2 heading = new H2(title);
        heading.addClassName("clinic-settings-heading");
        Paragraph hint = new Paragraph(description);
        hint.addClassName("clinic-hint");
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("560px", 2));
        Button save = new Button("Save " + title.toLowerCase(java.util.Locale.ROOT), new Icon(VaadinIcon.CHECK),
                click -> save());
        save.setId(id + "-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        confirmation.setId(id + "-confirmation");
        confirmation.addClassName("clinic-settings-confirmation");
        confirmation.setVisible(false);
        HorizontalLayout actions = new HorizontalLayout(save, confirmation);
        actions.setAlignItems(com.vaadin.flow.component.orderedlayout.FlexComponent.Alignment.CENTER);
        actions.addClassName("clinic-form-actions");
        add(heading, hint, form, actions);
    }

    SettingsSection field(Setting setting, SettingField field, int colspan) {
        fields.put(setting, field);
        form.add(field.component());
        form.setColspan(field.component(), colspan);
        return this;
    }

    /** Something else shown in the section (e.g. the logo), across the form's width. */
    SettingsSection extra(Component component) {
        form.add(component);
        form.setColspan(component, 2);
        return this;
    }

    void show(Map<Setting, ClinicSettingsService.Entry> values) {
        fields.forEach((setting, field) -> {
            field.clearError();
            field.write().accept(values.get(setting).value());
            field.clearError(); // writing a value may run a field's own check
        });
    }

    /** The values typed, as the service takes them. */
    Map<Setting, String> typed() {
        Map<Setting, String> values = new EnumMap<>(Setting.class);
        fields.forEach((setting, field) -> values.put(setting, field.read().get()));
        return values;
    }

    void save() {
        fields.values().forEach(SettingField::clearError);
        Map<Setting, String> values = typed();
        List<RuleViolation.Problem> problems = rules.problems(values);
        if (!problems.isEmpty()) {
            // the same rules as the service's: shown beside each field, nothing sent
            problems.forEach(problem -> Setting.ofProperty(String.valueOf(problem.field()))
                    .map(fields::get).ifPresent(field -> field.error(problem.message())));
            return;
        }
        try {
            List<SettingChange> changes = service.save(values);
            String said = changes.isEmpty() ? "Nothing to save: these are the settings in force."
                    : "Saved, in force now: " + changes.stream().map(SettingChange::summary)
                    .collect(Collectors.joining("; ")) + ".";
            // said beside the Save button, where the eyes are; the other sections keep what is typed in them
            confirmation.setText(said);
            confirmation.setVisible(true);
            show(service.current());
            saved.run();
        } catch (RuleViolation violation) {
            FieldMessages messages = new FieldMessages();
            fields.forEach((setting, field) -> messages.bind(setting.property(), field.validation()));
            messages.show(violation);
        }
    }
}
