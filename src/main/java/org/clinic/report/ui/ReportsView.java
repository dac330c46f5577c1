package org.clinic.report.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.RolesAllowed;
import org.clinic.base.ClinicSettings;
import org.clinic.base.RuleViolation;
import org.clinic.report.GeneratedReport;
import org.clinic.report.MonthlyReport;
import org.clinic.report.ReportFile;
import org.clinic.report.ReportService;
import org.clinic.report.ReportSubject;
import org.clinic.report.ReportText;
import org.clinic.security.Role;
import org.jspecify.annotations.Nullable;

import java.io.ByteArrayInputStream;
import java.time.Clock;
import java.time.Month;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.stream.IntStream;

/**
 * A month's activity: a doctor sees their own, an administrator any doctor's or the whole clinic's, and the
 * reports generated on the 1st. The address carries the choice ({@code ?doctor=<id>|clinic&month=2026-11}), so a
 * report can be bookmarked or linked.
 */
@Route("reports")
@PageTitle("Reports · Clinic")
@Menu(title = "Reports", order = 40, icon = "vaadin:chart")
@RolesAllowed({Role.ADMIN_NAME, Role.DOCTOR_NAME})
@StyleSheet("styles/reports.css")
public class ReportsView extends Main implements BeforeEnterObserver {

    /** A choice in the subject picker: a doctor, or the whole clinic (null id). */
    record Choice(@Nullable UUID doctorId, String label) {
    }

    private static final Choice CLINIC = new Choice(null, MonthlyReport.WHOLE_CLINIC);
    private static final DateTimeFormatter GENERATED = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm",
            Locale.ENGLISH);

    /** The latest generated reports; any older month stays readable through the pickers. */
    private static final int GENERATED_SHOWN = 20;

    private final ReportService reports;
    private final ClinicSettings settings;
    private final Clock clock;
    private final boolean administrator;

    private final Select<Choice> subject = new Select<>();
    private final Select<Month> monthField = new Select<>();
    private final Select<Integer> yearField = new Select<>();
    private final Anchor pdf = new Anchor();
    private final Anchor csv = new Anchor();
    private final Div content = new Div();
    private final Grid<GeneratedReport> generated = new Grid<>();
    private List<Choice> choices = List.of();
    private boolean loading;

    public ReportsView(ReportService reports, ClinicSettings settings, Clock clock,
                       AuthenticationContext authentication) {
        this.reports = reports;
        this.settings = settings;
        this.clock = clock;
        this.administrator = authentication.hasRole(Role.ADMIN_NAME);
        addClassName("clinic-page");
        setId("reports-page");

        subject.setLabel("Report for");
        subject.setItemLabelGenerator(Choice::label);
        subject.setId("report-subject");
        subject.setWidth("18em");
        subject.setVisible(administrator);
        monthField.setLabel("Month");
        monthField.setItems(Month.values());
        monthField.setItemLabelGenerator(m -> m.getDisplayName(TextStyle.FULL, Locale.ENGLISH));
        monthField.setId("report-month");
        monthField.setWidth("10em");
        int thisYear = YearMonth.now(clock.withZone(settings.timeZone())).getYear();
        yearField.setLabel("Year");
        yearField.setItems(IntStream.rangeClosed(thisYear - 4, thisYear).boxed().sorted((a, b) -> b - a).toList());
        yearField.setId("report-year");
        yearField.setWidth("7em");
        subject.addValueChangeListener(e -> changed());
        monthField.addValueChangeListener(e -> changed());
        yearField.addValueChangeListener(e -> changed());

        download(pdf, "PDF", VaadinIcon.FILE_TEXT_O, "report-pdf");
        download(csv, "CSV", VaadinIcon.TABLE, "report-csv");
        Div downloads = new Div(pdf, csv);
        downloads.addClassName("report-downloads");
        Div spacer = new Div();
        spacer.addClassName("report-spacer");
        Div toolbar = new Div(subject, monthField, yearField, spacer, downloads);
        toolbar.addClassName("report-toolbar");
        content.setId("report-content");
        content.addClassName("clinic-page");
        content.getStyle().set("padding", "0");
        add(toolbar, content);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        Map<String, List<String>> query = event.getLocation().getQueryParameters().getParameters();
        YearMonth month = YearMonth.now(clock.withZone(settings.timeZone())).minusMonths(1);
        String wanted = first(query, "month");
        if (wanted != null) {
            try {
                month = YearMonth.parse(wanted);
            } catch (java.time.format.DateTimeParseException ignored) {
                // an edited address: fall back to last month
            }
        }
        List<ReportSubject> subjects = reports.subjects();
        List<Choice> list = new ArrayList<>();
        if (administrator) {
            list.add(CLINIC);
        }
        subjects.forEach(s -> list.add(new Choice(s.doctorId(), s.name() + (s.active() ? "" : " (inactive)"))));
        choices = List.copyOf(list);
        loading = true;
        subject.setItems(choices);
        String doctor = first(query, "doctor");
        subject.setValue(choices.stream().filter(c -> c.doctorId() != null && c.doctorId().toString().equals(doctor))
                .findFirst().orElse(choices.isEmpty() ? null : choices.getFirst()));
        if (!yearFieldHas(month.getYear())) {
            List<Integer> years = new ArrayList<>(yearField.getListDataView().getItems().toList());
            years.add(month.getYear());
            years.sort((a, b) -> b - a);
            yearField.setItems(years);
        }
        monthField.setValue(month.getMonth());
        yearField.setValue(month.getYear());
        loading = false;
        show();
    }

    private boolean yearFieldHas(int year) {
        return yearField.getListDataView().getItems().anyMatch(y -> y == year);
    }

    private void changed() {
        if (loading) {
            return;
        }
        show();
        YearMonth month = month();
        Choice choice = subject.getValue();
        if (month != null && choice != null) {
            getUI().ifPresent(ui -> ui.getPage().getHistory().replaceState(null, new com.vaadin.flow.router.Location(
                    "reports", QueryParameters.simple(Map.of("month", month.toString(), "doctor",
                    choice.doctorId() == null ? "clinic" : choice.doctorId().toString())))));
        }
    }

    private @Nullable YearMonth month() {
        return monthField.getValue() == null || yearField.getValue() == null ? null
                : YearMonth.of(yearField.getValue(), monthField.getValue());
    }

    private void show() {
        content.removeAll();
        Choice choice = subject.getValue();
        YearMonth month = month();
        if (choice == null || month == null) {
            enableDownloads(null, null);
            content.add(message("No doctor record yet", "Your account is not linked to a doctor record, so there "
                    + "is no report to show. Ask an administrator to add you as a doctor."));
            return;
        }
        try {
            MonthlyReport report = reports.report(choice.doctorId(), month);
            enableDownloads(choice, month);
            content.add(ReportSections.heading(report));
            content.add(ReportSections.figures(report.figures()));
            content.add(ReportSections.details(report.figures()));
        } catch (RuleViolation violation) {
            enableDownloads(null, null);
            content.add(message("No report for " + ReportText.month(month), violation.getMessage()));
        }
        if (administrator) {
            content.add(generatedCard());
        }
    }

    private Component message(String title, String text) {
        Paragraph body = new Paragraph(text);
        body.setId("report-message");
        body.getStyle().set("margin", "0");
        Icon icon = VaadinIcon.INFO_CIRCLE_O.create();
        icon.setColor("#8a4b00");
        Div card = new Div(icon, new Div(new H3(title), body));
        card.addClassNames("clinic-card", "report-message");
        return card;
    }

    private Component generatedCard() {
        if (generated.getColumns().isEmpty()) {
            generated.addColumn(r -> ReportText.month(r.month())).setHeader("Month").setAutoWidth(true)
                    .setFlexGrow(0);
            generated.addColumn(GeneratedReport::doctorName).setHeader("Doctor").setFlexGrow(1);
            generated.addColumn(r -> GENERATED.format(r.generatedAt().atZone(settings.timeZone())))
                    .setHeader("Generated").setAutoWidth(true).setFlexGrow(0);
            generated.addColumn(GeneratedReport::booked).setHeader("Booked").setAutoWidth(true).setFlexGrow(0);
            generated.addColumn(GeneratedReport::completed).setHeader("Completed").setAutoWidth(true).setFlexGrow(0);
            generated.addColumn(GeneratedReport::consultations).setHeader("Consultations").setAutoWidth(true)
                    .setFlexGrow(0);
            generated.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
            generated.setEmptyStateText("None yet: reports are generated on the 1st for the month before.");
            generated.setId("generated-reports");
            generated.setAllRowsVisible(true);
            generated.addItemClickListener(e -> {
                choices.stream().filter(c -> e.getItem().doctorId().equals(c.doctorId())).findFirst()
                        .ifPresent(c -> {
                            loading = true;
                            subject.setValue(c);
                            monthField.setValue(e.getItem().month().getMonth());
                            if (yearFieldHas(e.getItem().month().getYear())) {
                                yearField.setValue(e.getItem().month().getYear());
                            }
                            loading = false;
                            changed();
                        });
            });
        }
        generated.setItems(reports.generated(GENERATED_SHOWN));
        Paragraph hint = new Paragraph("Generated on the 1st for the month before and emailed to each doctor. "
                + "Click a row to open it.");
        hint.addClassName("report-empty");
        hint.getStyle().set("margin", "0 0 var(--lumo-space-s)");
        Div card = new Div(new H3("Generated monthly reports"), hint, generated);
        card.addClassName("clinic-card");
        return card;
    }

    private void download(Anchor anchor, String label, VaadinIcon icon, String id) {
        Button button = new Button(label, icon.create());
        button.addThemeVariants(ButtonVariant.LUMO_CONTRAST);
        button.setTabIndex(-1); // the link takes the focus, not the button inside it
        anchor.add(button);
        anchor.setId(id);
        anchor.getElement().setAttribute("aria-label", "Download the report as " + label);
    }

    private void enableDownloads(@Nullable Choice choice, @Nullable YearMonth month) {
        for (Anchor anchor : List.of(pdf, csv)) {
            anchor.setEnabled(choice != null && month != null);
            anchor.getChildren().forEach(c -> ((Button) c).setEnabled(choice != null && month != null));
        }
        if (choice == null || month == null) {
            pdf.removeHref();
            csv.removeHref();
            return;
        }
        UUID doctorId = choice.doctorId();
        pdf.setHref(handler((d, m) -> reports.pdf(d, m), doctorId, month));
        csv.setHref(handler((d, m) -> reports.csv(d, m), doctorId, month));
    }

    /** Each download asks the service again, under the downloading user's permissions. */
    private static DownloadHandler handler(BiFunction<@Nullable UUID, YearMonth, ReportFile> file,
                                           @Nullable UUID doctorId, YearMonth month) {
        return DownloadHandler.fromInputStream(event -> {
            try {
                ReportFile report = file.apply(doctorId, month);
                return new DownloadResponse(new ByteArrayInputStream(report.bytes()), report.fileName(),
                        report.contentType(), report.bytes().length);
            } catch (RuleViolation violation) {
                return DownloadResponse.error(400, violation.getMessage());
            } catch (org.springframework.security.access.AccessDeniedException denied) {
                return DownloadResponse.error(403);
            }
        });
    }

    private static @Nullable String first(Map<String, List<String>> query, String name) {
        List<String> values = query.get(name);
        return values == null || values.isEmpty() ? null : values.getFirst();
    }
}
