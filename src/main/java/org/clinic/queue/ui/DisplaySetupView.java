package org.clinic.queue.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.RolesAllowed;
import org.clinic.doctor.DoctorService;
import org.clinic.doctor.DoctorSummary;
import org.clinic.doctor.SpecialtySummary;
import org.clinic.base.ClinicSettings;
import org.clinic.queue.DisplaySettings;
import org.clinic.security.Role;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Where a device signed in with a DISPLAY account lands: choose what this screen shows (the whole clinic, one
 * specialty or one doctor) and the language calls are spoken in, then open the display. Whether initials appear
 * next to tokens is not the device's choice: an administrator sets it per display account. The device stays signed
 * in (it is remembered), so this is done once per TV.
 */
@Route(value = "device", autoLayout = false)
@PageTitle("Waiting-room display · Clinic")
@RolesAllowed(Role.DISPLAY_NAME)
public class DisplaySetupView extends Main {

    static final String CLINIC = "The whole clinic";
    static final String SPECIALTY = "One specialty";
    static final String DOCTOR = "One doctor";

    private final RadioButtonGroup<String> shows = new RadioButtonGroup<>("Show calls for");
    private final Select<SpecialtySummary> specialty = new Select<>();
    private final Select<DoctorSummary> doctor = new Select<>();
    private final Select<String> language = new Select<>();

    public DisplaySetupView(DoctorService doctors, ClinicSettings settings, AuthenticationContext authentication) {
        addClassName("clinic-login");
        Span mark = new Span(new Icon(VaadinIcon.DESKTOP));
        mark.addClassName("clinic-brand-mark");
        H1 title = new H1("Waiting-room display");
        Paragraph text = new Paragraph("Choose what this screen shows. It shows tokens and rooms only, never names "
                + "or clinical details, and stays signed in when it restarts.");
        text.addClassName("clinic-login-tagline");

        shows.setId("display-shows");
        shows.setItems(CLINIC, SPECIALTY, DOCTOR);
        shows.setValue(CLINIC);
        specialty.setId("display-specialty");
        specialty.setLabel("Specialty");
        specialty.setItems(doctors.specialties());
        specialty.setItemLabelGenerator(SpecialtySummary::name);
        doctor.setId("display-doctor");
        doctor.setLabel("Doctor");
        doctor.setItems(doctors.doctors());
        doctor.setItemLabelGenerator(d -> d.displayName() + " · room " + d.room());
        specialty.setVisible(false);
        doctor.setVisible(false);
        shows.addValueChangeListener(change -> {
            specialty.setVisible(SPECIALTY.equals(change.getValue()));
            doctor.setVisible(DOCTOR.equals(change.getValue()));
        });
        language.setId("display-language");
        language.setLabel("Calls are spoken in");
        List<String> languages = new java.util.ArrayList<>(DisplaySettings.LANGUAGES);
        if (!languages.contains(settings.displayLanguage())) {
            languages.addFirst(settings.displayLanguage());
        }
        language.setItems(languages);
        language.setItemLabelGenerator(tag -> Locale.forLanguageTag(tag).getDisplayName(Locale.UK));
        language.setValue(settings.displayLanguage());

        Button open = new Button("Open the display", new Icon(VaadinIcon.PLAY), click -> open());
        open.setId("open-display");
        open.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        open.setWidthFull();
        Button signOut = new Button("Sign this device out", click -> authentication.logout());
        signOut.setId("sign-out-device");
        signOut.addThemeVariants(ButtonVariant.LUMO_TERTIARY);

        Paragraph initialsNote = new Paragraph("Whether patients' initials appear next to tokens is set by an "
                + "administrator for this display account.");
        initialsNote.addClassName("clinic-login-tagline");
        Div form = new Div(shows, specialty, doctor, language, initialsNote, open);
        form.addClassName("clinic-display-setup");
        Div card = new Div(mark, title, text, form, signOut);
        card.addClassName("clinic-login-card");
        add(card);
    }

    private void open() {
        Map<String, String> parameters = new LinkedHashMap<>();
        if (SPECIALTY.equals(shows.getValue())) {
            if (specialty.getValue() == null) {
                specialty.setInvalid(true);
                specialty.setErrorMessage("Choose a specialty");
                return;
            }
            parameters.put("specialty", specialty.getValue().id().toString());
        } else if (DOCTOR.equals(shows.getValue())) {
            if (doctor.getValue() == null) {
                doctor.setInvalid(true);
                doctor.setErrorMessage("Choose a doctor");
                return;
            }
            parameters.put("doctor", doctor.getValue().id().toString());
        }
        parameters.put("lang", language.getValue());
        getUI().ifPresent(ui -> ui.navigate("display", QueryParameters.simple(parameters)));
    }
}
