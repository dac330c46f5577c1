package org.clinic.patient.ui;

import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import org.clinic.base.ui.DateFields;
import jakarta.annotation.security.RolesAllowed;
import org.clinic.base.ClinicSettings;
import org.clinic.base.NotFoundException;
import org.clinic.patient.Mrn;
import org.clinic.patient.PatientReference;
import org.clinic.patient.PatientService;
import org.clinic.patient.PatientSummary;
import org.clinic.security.AccessLogEntry;
import org.clinic.security.AccessLogQuery;
import org.clinic.security.AccessLogService;
import org.clinic.security.Role;
import org.clinic.security.CurrentPatient;
import org.clinic.security.StaffAccountService;
import org.clinic.security.StaffAccountSummary;
import org.jspecify.annotations.Nullable;

import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * "Who looked at this patient?": every read of patient data (record, history, consultations, summaries, prints,
 * exports), newest first, by patient (name, phone or MRN), staff member, date range, or only the reads that broke
 * the glass. Opened from a patient's record it shows that patient. Administrators only; looking here is not itself
 * a read of anyone's record.
 */
@Route("admin/access-log")
@PageTitle("Access log · Clinic")
@Menu(title = "Access log", order = 87, icon = "vaadin:eye")
@RolesAllowed(Role.ADMIN_NAME)
public class PatientAccessLogView extends Main implements BeforeEnterObserver {

    /** The query parameter naming one patient by public id. */
    static final String PATIENT = "patient";
    /** How many patients a name search may match; the log of more at once is not a useful answer. */
    private static final int MATCHES = 50;
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm:ss");

    private final AccessLogService accessLog;
    private final PatientService patients;
    private final ClinicSettings settings;
    private final TextField patient = new TextField("Patient");
    private final ComboBox<StaffAccountSummary> staff = new ComboBox<>("Staff member");
    private final DatePicker from = new DatePicker("From");
    private final DatePicker to = new DatePicker("To");
    private final Checkbox flaggedOnly = new Checkbox("Broke the glass only");
    private final Grid<Row> grid = new Grid<>();
    /** One patient chosen by id (from their record) until the patient field is changed by hand. */
    private @Nullable UUID pinned;

    /** A log entry with the patient's name and MRN as the screen shows them. */
    record Row(AccessLogEntry entry, String patient, String mrn) {
    }

    public PatientAccessLogView(AccessLogService accessLog, PatientService patients, StaffAccountService accounts,
                                ClinicSettings settings) {
        this.accessLog = accessLog;
        this.patients = patients;
        this.settings = settings;
        addClassName("clinic-page");
        setSizeFull();

        patient.setId("access-log-patient");
        patient.setPlaceholder("Name, phone or MRN…");
        patient.setClearButtonVisible(true);
        patient.setValueChangeMode(ValueChangeMode.LAZY);
        patient.addValueChangeListener(change -> {
            if (change.isFromClient()) {
                pinned = null;
            }
            refresh();
        });
        staff.setId("access-log-staff");
        staff.setItems(accounts.list());
        staff.setItemLabelGenerator(a -> a.displayName() + " (" + a.username() + ")");
        staff.setClearButtonVisible(true);
        staff.setPlaceholder("Anyone");
        staff.addValueChangeListener(change -> refresh());
        DateFields.day(from);
        DateFields.day(to);
        from.setId("access-log-from");
        to.setId("access-log-to");
        from.setClearButtonVisible(true);
        to.setClearButtonVisible(true);
        from.addValueChangeListener(change -> {
            to.setMin(change.getValue());
            refresh();
        });
        to.addValueChangeListener(change -> {
            from.setMax(change.getValue());
            refresh();
        });
        flaggedOnly.setId("access-log-flagged");
        flaggedOnly.addValueChangeListener(change -> refresh());
        HorizontalLayout filters = new HorizontalLayout(patient, staff, from, to, flaggedOnly);
        filters.setAlignItems(FlexComponent.Alignment.BASELINE);
        filters.addClassName("clinic-toolbar");

        grid.addColumn(r -> WHEN.format(r.entry().accessedAt().atZone(settings.timeZone()))).setHeader("When")
                .setAutoWidth(true).setFlexGrow(0);
        grid.addComponentColumn(r -> twoLines(r.entry().staffUsername(), roleLabel(r.entry().staffRole())))
                .setHeader("Who").setFlexGrow(1);
        grid.addComponentColumn(r -> twoLines(r.patient(), r.mrn())).setHeader("Patient").setFlexGrow(2);
        grid.addColumn(r -> r.entry().what().label()).setHeader("What").setAutoWidth(true).setFlexGrow(0);
        grid.addComponentColumn(r -> reason(r.entry())).setHeader("Why").setFlexGrow(3)
                .setTooltipGenerator(r -> r.entry().reason());
        // Reasons are read whole: a broken glass's explanation must not be cut off.
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.setEmptyStateText("Nobody read patient data matching these filters.");
        grid.setId("access-log");
        grid.setSizeFull();
        add(filters, grid);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        pinned = null;
        event.getLocation().getQueryParameters().getSingleParameter(PATIENT).ifPresent(raw -> {
            try {
                PatientReference chosen = patients.reference(UUID.fromString(raw));
                pinned = chosen.id();
                patient.setValue(chosen.fullName() + " · MRN " + Mrn.display(chosen.mrn()));
            } catch (IllegalArgumentException | NotFoundException unknown) {
                patient.clear();
            }
        });
        refresh();
    }

    private void refresh() {
        AccessLogQuery query = new AccessLogQuery(patientIds(), staff.getValue() == null ? null
                : staff.getValue().username(), from.getValue(), to.getValue(), flaggedOnly.getValue());
        grid.setItems(page -> rows(accessLog.search(query, page.getOffset(), page.getLimit())));
    }

    /** Null for any patient; the matches of the patient field otherwise (none when nobody matches). */
    private @Nullable Set<UUID> patientIds() {
        if (pinned != null) {
            return Set.of(pinned);
        }
        String text = patient.getValue();
        if (text == null || text.isBlank()) {
            return null;
        }
        return patients.search(text, 0, MATCHES).stream().map(PatientSummary::id).collect(Collectors.toSet());
    }

    private Stream<Row> rows(java.util.List<AccessLogEntry> entries) {
        Map<Long, PatientReference> people = patients.references(entries.stream().map(AccessLogEntry::patientInternalId)
                .filter(Objects::nonNull).collect(Collectors.toSet()));
        return entries.stream().map(e -> {
            PatientReference known = e.patientInternalId() == null ? null : people.get(e.patientInternalId());
            return known == null ? new Row(e, e.patientId().toString(), "")
                    : new Row(e, known.fullName(), "MRN " + Mrn.display(known.mrn()));
        });
    }

    private static Div twoLines(String first, String second) {
        Span line = new Span(second);
        line.addClassName("clinic-hint-inline");
        return new Div(new Span(first), new Div(line));
    }

    private static Div reason(AccessLogEntry entry) {
        Div cell = new Div();
        if (entry.brokeGlass()) {
            Span flag = new Span("Broke the glass");
            flag.getElement().getThemeList().add("badge error");
            flag.addClassName("clinic-access-flag");
            cell.add(flag, new Span(" "));
        }
        cell.add(new Span(entry.brokeGlass() ? entry.reason() : usualReason(entry))); // always text, never markup
        return cell;
    }

    /** A read without a broken glass: the doctor looks after the patient, or the front desk or office did its work. */
    private static String usualReason(AccessLogEntry entry) {
        if (CurrentPatient.ROLE_NAME.equals(entry.staffRole())) {
            return "The patient, in the portal";
        }
        return Role.DOCTOR.name().equals(entry.staffRole()) ? "In their care (visit, queue or appointment)"
                : "Front desk or administration";
    }

    private static String roleLabel(String role) {
        if (CurrentPatient.ROLE_NAME.equals(role)) {
            return "Patient";
        }
        return Stream.of(Role.values()).filter(r -> r.name().equals(role)).map(Role::label).findFirst().orElse(role);
    }
}
