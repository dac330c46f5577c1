package org.clinic.patient.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.shared.Registration;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.RolesAllowed;
import org.clinic.base.ClinicSettings;
import org.clinic.base.LiveUpdates;
import org.clinic.base.NotFoundException;
import org.clinic.base.PhoneNumbers;
import org.clinic.base.RuleViolation;
import org.clinic.base.ui.FieldMessages;
import org.clinic.patient.PatientChangeEntry;
import org.clinic.patient.PatientChanged;
import org.clinic.patient.PatientRecord;
import org.clinic.patient.PatientRecordSection;
import org.clinic.patient.PatientRecordStrip;
import org.clinic.patient.PatientRules;
import org.clinic.patient.PatientService;
import org.clinic.patient.PatientStatus;
import org.clinic.security.BreakTheGlassRequired;
import org.clinic.security.PatientAccessLog;
import org.clinic.security.Role;
import org.jspecify.annotations.Nullable;

import java.time.format.DateTimeFormatter;
import java.util.UUID;

/**
 * One patient: a strip with what the desk needs first (next appointment, Book, Check in, Add to queue, alerts:
 * {@link PatientRecordStrip}), details, status, edit, deactivate and reactivate, and the full change history. Changes made at
 * any desk appear here at once. The tab title never carries the patient's name: titles end up in browser history,
 * bookmarks and screen-sharing previews. Every open is logged by the services; a doctor who does not look after the
 * patient says why first ({@link BreakTheGlassDialog}). Administrators can open who looked at this patient.
 */
@Route("patients/:patientId")
@PageTitle("Patient record · Clinic")
@RolesAllowed({Role.RECEPTIONIST_NAME, Role.DOCTOR_NAME, Role.ADMIN_NAME})
public class PatientRecordView extends Main implements BeforeEnterObserver {

    private static final String PARAMETER = "patientId";
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm");

    private final PatientService patients;
    private final PatientAccessLog accessLog;
    private final PatientRules rules;
    private final PhoneNumbers phoneNumbers;
    private final LiveUpdates liveUpdates;
    private final ClinicSettings settings;
    private final boolean frontDesk;

    private final H2 name = new H2();
    private final Span mrn = new Span();
    private final Div statusSlot = new Div();
    private final Div details = new Div();
    private final Div inactiveBanner = new Div();
    private final Button edit = new Button("Edit details", new Icon(VaadinIcon.EDIT));
    private final Button toggleStatus = new Button();
    private final Button accessLogButton = new Button("Access log", new Icon(VaadinIcon.EYE));
    private final com.vaadin.flow.component.checkbox.Checkbox emailMessages =
            new com.vaadin.flow.component.checkbox.Checkbox("Send appointment emails (confirmations, reminders)");
    private final Grid<PatientChangeEntry> history = new Grid<>();
    private final Div sections = new Div();
    private final Div strip = new Div();
    private final org.springframework.beans.factory.ObjectProvider<PatientRecordSection> sectionProviders;
    private final org.springframework.beans.factory.ObjectProvider<PatientRecordStrip> stripProviders;

    private @Nullable UUID patientId;
    private @Nullable PatientRecord patient;
    private @Nullable Registration subscription;

    public PatientRecordView(PatientService patients, PatientAccessLog accessLog, PatientRules rules,
                             PhoneNumbers phoneNumbers, LiveUpdates liveUpdates, ClinicSettings settings,
                             AuthenticationContext authentication,
                             org.springframework.beans.factory.ObjectProvider<PatientRecordSection> sectionProviders,
                             org.springframework.beans.factory.ObjectProvider<PatientRecordStrip> stripProviders) {
        this.sectionProviders = sectionProviders;
        this.stripProviders = stripProviders;
        this.patients = patients;
        this.accessLog = accessLog;
        this.rules = rules;
        this.phoneNumbers = phoneNumbers;
        this.liveUpdates = liveUpdates;
        this.settings = settings;
        this.frontDesk = authentication.hasAnyRole(Role.RECEPTIONIST_NAME, Role.ADMIN_NAME);
        addClassName("clinic-page");
        addClassName("clinic-record");

        name.setId("patient-name");
        mrn.addClassName("clinic-mrn");
        mrn.setId("patient-mrn");
        inactiveBanner.setId("inactive-banner");
        inactiveBanner.addClassName("clinic-inactive-banner");
        inactiveBanner.add(new Icon(VaadinIcon.BAN),
                new Span("Inactive patient: kept for the record, cannot be booked. Reactivate to book again."));
        edit.setId("edit-patient");
        edit.addClickListener(click -> openEditor());
        toggleStatus.setId("toggle-status");
        toggleStatus.addClickListener(click -> confirmStatusChange());
        edit.setVisible(frontDesk);
        emailMessages.setId("email-messages");
        emailMessages.setReadOnly(!frontDesk);
        emailMessages.setTooltipText("The patient's contact preference; messages never carry clinical content");
        emailMessages.addValueChangeListener(change -> {
            if (change.isFromClient() && patient != null) {
                patient = patients.allowEmailMessages(patient.id(), change.getValue());
                com.vaadin.flow.component.notification.Notification.show(change.getValue()
                        ? "Appointment emails will be sent" : "No more appointment emails will be sent");
            }
        });
        toggleStatus.setVisible(frontDesk);
        accessLogButton.setId("patient-access-log");
        accessLogButton.setTooltipText("Who looked at this patient's record, when and why");
        accessLogButton.setVisible(authentication.hasRole(Role.ADMIN_NAME));
        accessLogButton.addClickListener(click -> getUI().ifPresent(ui -> ui.navigate(PatientAccessLogView.class,
                QueryParameters.of(PatientAccessLogView.PATIENT, requirePatientId().toString()))));

        HorizontalLayout titleRow = new HorizontalLayout(name, statusSlot);
        titleRow.setAlignItems(FlexComponent.Alignment.BASELINE);
        HorizontalLayout actions = new HorizontalLayout(edit, toggleStatus, accessLogButton);
        strip.addClassName("clinic-record-strip");
        strip.setId("patient-strip");
        Div header = new Div(titleRow, mrn, strip, actions, emailMessages);
        header.addClassName("clinic-record-header");

        details.addClassName("clinic-details");
        details.setId("patient-details");

        history.addColumn(e -> WHEN.format(e.changedAt().atZone(settings.timeZone()))).setHeader("When")
                .setAutoWidth(true).setFlexGrow(0);
        history.addColumn(PatientChangeEntry::changedBy).setHeader("By").setAutoWidth(true).setFlexGrow(0);
        history.addColumn(PatientChangeEntry::field).setHeader("What").setAutoWidth(true);
        history.addColumn(e -> e.oldValue() == null ? "—" : e.oldValue()).setHeader("Before").setFlexGrow(1);
        history.addColumn(e -> e.newValue() == null ? "—" : e.newValue()).setHeader("After").setFlexGrow(1);
        history.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        history.setAllRowsVisible(true);
        history.setId("patient-history");

        Div card = new Div(header, inactiveBanner, details);
        card.addClassName("clinic-card");
        Div historyCard = new Div(new H3("Change history"), history);
        historyCard.addClassName("clinic-card");
        add(card, sections, historyCard);
    }

    public static RouteParameters parameters(UUID patientId) {
        return new RouteParameters(PARAMETER, patientId.toString());
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        String raw = event.getRouteParameters().get(PARAMETER).orElse("");
        try {
            patientId = UUID.fromString(raw);
        } catch (IllegalArgumentException malformed) {
            throw new NotFoundException("No patient with this id");
        }
        sections.removeAll();
        strip.removeAll();
        try {
            open();
        } catch (BreakTheGlassRequired noReasonYet) {
            showRecord(false); // nothing of the record, not even an empty frame, until the reason is given
            UUID asked = patientId;
            new BreakTheGlassDialog(reason -> {
                accessLog.breakTheGlass(asked, reason);
                open();
            }, () -> getUI().ifPresent(ui -> ui.navigate(PatientRegistryView.class))).open();
        }
    }

    private void open() {
        load();
        UUID shown = requirePatientId();
        stripProviders.orderedStream().forEach(part -> strip.add(part.render(shown)));
        strip.setVisible(strip.getComponentCount() > 0);
        sectionProviders.orderedStream().forEach(section -> sections.add(section.render(shown)));
        showRecord(true);
    }

    private void showRecord(boolean shown) {
        getChildren().forEach(part -> part.setVisible(shown));
    }

    private void load() {
        PatientRecord current = patients.get(requirePatientId());
        patient = current;
        name.setText(current.fullName());
        mrn.setText("MRN " + current.displayMrn());
        statusSlot.removeAll();
        statusSlot.add(PatientText.statusBadge(current.status()));
        inactiveBanner.setVisible(current.status() == PatientStatus.INACTIVE);
        boolean active = current.status() == PatientStatus.ACTIVE;
        toggleStatus.setText(active ? "Deactivate" : "Reactivate");
        toggleStatus.setIcon(new Icon(active ? VaadinIcon.BAN : VaadinIcon.CHECK_CIRCLE));
        toggleStatus.getThemeNames().clear();
        toggleStatus.addThemeVariants(active ? ButtonVariant.LUMO_ERROR : ButtonVariant.LUMO_SUCCESS);

        details.removeAll();
        detail("Date of birth", PatientText.birth(current.birthDate(), current.birthDateEstimated(), rules)
                + (current.birthDateEstimated() ? " · estimated from age" : ""));
        detail("Sex", current.sex().label());
        detail("Phone", current.phone() == null ? "—" : phoneNumbers.display(current.phone()));
        detail("Email", current.email() == null ? "—" : current.email());
        emailMessages.setValue(current.emailMessages());
        detail("Address", current.address() == null ? "—" : current.address());
        detail("Registered", WHEN.format(current.registeredAt().atZone(settings.timeZone())));
        history.setItems(patients.history(current.id()));
    }

    private void detail(String label, String value) {
        Span term = new Span(label);
        term.addClassName("clinic-detail-label");
        Span text = new Span(value); // always text, never markup
        text.addClassName("clinic-detail-value");
        details.add(new Div(term, text));
    }

    private UUID requirePatientId() {
        if (patientId == null) {
            throw new NotFoundException("No patient with this id");
        }
        return patientId;
    }

    private void openEditor() {
        PatientRecord current = patient;
        if (current == null) {
            return;
        }
        PatientForm form = new PatientForm(rules);
        form.fill(current);
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle("Edit " + current.fullName());
        dialog.setWidth("min(720px, 95vw)");
        dialog.add(form);
        Button save = new Button("Save changes", click -> form.validDetails().ifPresentOrElse(changed -> {
            try {
                patients.update(current.id(), current.version(), changed);
                dialog.close();
                FieldMessages.showSuccess("Changes saved");
                load();
            } catch (RuleViolation violation) {
                form.show(violation);
                if (violation.field() == null) {
                    dialog.close();
                    load();
                }
            }
        }, () -> FieldMessages.showError("Some details need attention: see the highlighted fields.")));
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.setId("save-patient");
        dialog.getFooter().add(new Button("Cancel", click -> dialog.close()), save);
        dialog.open();
        form.focus();
    }

    private void confirmStatusChange() {
        PatientRecord current = patient;
        if (current == null) {
            return;
        }
        boolean active = current.status() == PatientStatus.ACTIVE;
        ConfirmDialog confirm = new ConfirmDialog();
        confirm.setHeader(active ? "Deactivate " + current.fullName() + "?" : "Reactivate " + current.fullName() + "?");
        confirm.setText(active ? "The record stays, but the patient cannot be booked until reactivated."
                : "The patient can be booked again.");
        confirm.setCancelable(true);
        confirm.setConfirmText(active ? "Deactivate" : "Reactivate");
        if (active) {
            confirm.setConfirmButtonTheme("error primary");
        }
        confirm.addConfirmListener(ok -> {
            try {
                if (active) {
                    patients.deactivate(current.id());
                } else {
                    patients.reactivate(current.id());
                }
            } catch (RuleViolation violation) {
                FieldMessages.showError(violation.getMessage());
            }
            load();
        });
        confirm.open();
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        subscription = liveUpdates.subscribe(attachEvent.getUI(), PatientChanged.class,
                changed -> changed.patientId().equals(patientId), this::load);
    }

    @Override
    protected void onDetach(DetachEvent detachEvent) {
        if (subscription != null) {
            subscription.remove();
            subscription = null;
        }
    }
}
