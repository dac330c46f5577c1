package org.clinic.patient.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.shared.Registration;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.RolesAllowed;
import org.clinic.base.LiveUpdates;
import org.clinic.base.PhoneNumbers;
import org.clinic.patient.PatientChanged;
import org.clinic.patient.PatientRegistered;
import org.clinic.patient.PatientRules;
import org.clinic.patient.PatientService;
import org.clinic.patient.PatientStatus;
import org.clinic.patient.PatientSummary;
import org.clinic.security.Role;

import java.util.ArrayList;
import java.util.List;

/**
 * The receptionist's registry: one search box (name, phone or MRN) with results as she types, in a lazily paged
 * grid that updates by itself when anyone registers or changes a patient.
 */
@Route("patients")
@PageTitle("Patients · Clinic")
@Menu(title = "Patients", order = 10, icon = "vaadin:users")
@RolesAllowed({Role.RECEPTIONIST_NAME, Role.DOCTOR_NAME, Role.ADMIN_NAME})
public class PatientRegistryView extends Main {

    private static final int SEARCH_PAUSE_MS = 50;

    private final PatientService patients;
    private final LiveUpdates liveUpdates;
    private final TextField search = new TextField();
    private final Grid<PatientSummary> grid = new Grid<>();
    private final Span resultHint = new Span();
    private final List<Registration> subscriptions = new ArrayList<>();

    public PatientRegistryView(PatientService patients, PatientRules rules, PhoneNumbers phoneNumbers,
                               LiveUpdates liveUpdates, AuthenticationContext authentication) {
        this.patients = patients;
        this.liveUpdates = liveUpdates;
        addClassName("clinic-page");
        addClassName("clinic-registry");

        search.setId("patient-search");
        search.setPlaceholder("Name, phone number or MRN");
        search.setAriaLabel("Search patients");
        search.setPrefixComponent(new Icon(VaadinIcon.SEARCH));
        search.setClearButtonVisible(true);
        search.setValueChangeMode(ValueChangeMode.LAZY);
        // Searches once typing pauses for 50 ms: a held key repeats every 33-40 ms (Windows, X11 defaults), so a burst
        // still makes one search, while the grid answers a typed letter within about 100 ms.
        search.setValueChangeTimeout(SEARCH_PAUSE_MS);
        search.setMaxLength(100);
        search.setAutofocus(true);
        search.setTooltipText("Ctrl+K from any screen brings you here"); // MainLayout's shortcut
        search.addClassName("clinic-search");
        search.addValueChangeListener(change -> refreshResults());
        search.addKeyPressListener(Key.ENTER, enter -> openFirstResult());

        HorizontalLayout toolbar = new HorizontalLayout(search);
        toolbar.addClassName("clinic-toolbar");
        toolbar.setAlignItems(FlexComponent.Alignment.CENTER);
        toolbar.setFlexGrow(1, search);
        if (authentication.hasAnyRole(Role.RECEPTIONIST_NAME, Role.ADMIN_NAME)) {
            Button register = new Button("Register patient", new Icon(VaadinIcon.PLUS),
                    click -> getUI().ifPresent(ui -> ui.navigate(RegisterPatientView.class)));
            register.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            register.setId("register-patient");
            register.addClickShortcut(Key.KEY_N, com.vaadin.flow.component.KeyModifier.ALT);
            register.setTooltipText("Alt+N");
            toolbar.add(register);
        }

        resultHint.addClassName("clinic-hint");

        grid.addColumn(PatientSummary::displayMrn).setHeader("MRN").setAutoWidth(true).setFlexGrow(0);
        grid.addComponentColumn(p -> {
            Span name = new Span(p.familyName() + ", " + p.givenName());
            name.addClassName("clinic-patient-name");
            if (p.status() == PatientStatus.INACTIVE) {
                return new HorizontalLayout(name, PatientText.statusBadge(p.status()));
            }
            return name;
        }).setHeader("Name").setFlexGrow(2);
        grid.addColumn(p -> PatientText.birth(p.birthDate(), p.birthDateEstimated(), rules))
                .setHeader("Date of birth").setAutoWidth(true);
        grid.addColumn(p -> p.sex().label()).setHeader("Sex").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(p -> phoneNumbers.display(p.phone())).setHeader("Phone").setAutoWidth(true);
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.setPageSize(50);
        grid.addItemClickListener(click -> open(click.getItem()));
        grid.setEmptyStateText("No patient matches. Check the spelling, or register the patient.");
        grid.setSizeFull();
        grid.setId("patient-results");

        // Size unknown: the grid keeps paging while results keep coming, without a COUNT over a million rows.
        grid.setItems(query -> patients.search(search.getValue(), query.getOffset(),
                Math.min(query.getLimit(), PatientService.MAX_PAGE)).stream());

        add(toolbar, resultHint, grid);
        setSizeFull();
        updateHint();
    }

    private void refreshResults() {
        grid.getLazyDataView().refreshAll();
        updateHint();
    }

    private void updateHint() {
        resultHint.setText(search.getValue().isBlank() ? "Most recently registered patients"
                : "Patients matching “" + search.getValue().strip() + "”");
    }

    private void openFirstResult() {
        patients.search(search.getValue(), 0, 1).stream().findFirst().ifPresent(this::open);
    }

    private void open(PatientSummary patient) {
        getUI().ifPresent(ui -> ui.navigate(PatientRecordView.class, PatientRecordView.parameters(patient.id())));
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        subscriptions.add(liveUpdates.subscribe(attachEvent.getUI(), PatientRegistered.class, this::refreshResults));
        subscriptions.add(liveUpdates.subscribe(attachEvent.getUI(), PatientChanged.class, this::refreshResults));
    }

    @Override
    protected void onDetach(DetachEvent detachEvent) {
        subscriptions.forEach(Registration::remove);
        subscriptions.clear();
    }
}
