package org.clinic.export.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AttachmentType;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.shared.Registration;
import com.vaadin.flow.spring.security.AuthenticationContext;
import org.clinic.base.ui.DateFields;
import jakarta.annotation.security.RolesAllowed;
import org.clinic.base.ClinicSettings;
import org.clinic.base.LiveUpdates;
import org.clinic.doctor.DoctorService;
import org.clinic.doctor.DoctorSummary;
import org.clinic.export.ExportProgressed;
import org.clinic.export.ExportDownloads;
import org.clinic.export.ExportService;
import org.clinic.export.ExportSettings;
import org.clinic.export.ExportState;
import org.clinic.export.ExportSummary;
import org.clinic.security.Role;
import org.jspecify.annotations.Nullable;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The signed-in person's exports (an administrator's: everyone's), with live progress, cancel and download; and for
 * administrators a form to export one doctor's visits over a date range. The exports run on the server, so leaving
 * this screen changes nothing: coming back re-reads their state.
 */
@Route("exports")
@PageTitle("Exports · Clinic")
@Menu(title = "Exports", order = 40, icon = "vaadin:download")
@RolesAllowed({Role.DOCTOR_NAME, Role.ADMIN_NAME})
@StyleSheet("styles/exports.css")
public class ExportsView extends Main {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm", Locale.UK);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.UK);

    private final ExportService exports;
    private final LiveUpdates liveUpdates;
    private final ZoneId zone;
    private final boolean admin;
    private final String me;
    private final Div list = new Div();
    private final DoctorService doctors;
    private final ComboBox<DoctorSummary> doctor = new ComboBox<>("Doctor");
    private @Nullable Registration subscription;

    public ExportsView(ExportService exports, DoctorService doctors, LiveUpdates liveUpdates,
                       AuthenticationContext authentication, ClinicSettings settings, ExportSettings exportSettings,
                       Clock clock) {
        this.exports = exports;
        this.doctors = doctors;
        this.liveUpdates = liveUpdates;
        this.zone = settings.timeZone();
        this.admin = authentication.hasRole(Role.ADMIN_NAME);
        this.me = authentication.getPrincipalName().orElse("");
        addClassName("clinic-page");
        addClassName("clinic-exports-page");

        H2 title = new H2("Exports");
        Paragraph hint = new Paragraph("Visit histories as CSV files for a spreadsheet. They are produced in the "
                + "background, so you can leave this page; files are kept for " + exportSettings.keepDays()
                + " days, and every export is recorded."
                + (admin ? "" : " To export a patient's history, open their record and choose "
                + "“Export history (CSV)”."));
        hint.addClassName("clinic-hint-inline");
        add(new Div(title, hint));
        if (admin) {
            add(bulkForm(LocalDate.now(clock.withZone(zone))));
        }
        list.setId("exports-list");
        list.addClassName("clinic-export-list");
        Div card = new Div(new H3(admin ? "All exports" : "Your exports"), list);
        card.addClassName("clinic-card");
        add(card);
    }

    private Div bulkForm(LocalDate today) {
        doctor.setId("export-doctor");
        doctor.setItemLabelGenerator(d -> d.displayName() + " · " + d.specialty().name());
        doctor.setWidth("20em");
        LocalDate lastMonth = today.minusMonths(1).withDayOfMonth(1);
        DatePicker from = datePicker("From", lastMonth, today);
        from.setId("export-from");
        DatePicker to = datePicker("To", lastMonth.plusMonths(1).minusDays(1), today);
        to.setId("export-to");
        from.addValueChangeListener(e -> to.setMin(e.getValue()));
        Button start = new Button("Export visits (CSV)", e -> {
            if (doctor.getValue() == null || from.getValue() == null || to.getValue() == null) {
                Notification.show("Choose a doctor and both dates", 4000, Notification.Position.TOP_CENTER);
                return;
            }
            ExportSummary started = exports.exportDoctor(doctor.getValue().id(), from.getValue(), to.getValue());
            Notification.show("Exporting " + started.subject(), 3000, Notification.Position.BOTTOM_END);
            refresh();
        });
        start.setId("export-doctor-start");
        start.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        HorizontalLayout fields = new HorizontalLayout(doctor, from, to, start);
        fields.setAlignItems(FlexComponent.Alignment.BASELINE);
        fields.setWrap(true);
        Paragraph what = new Paragraph("Every completed consultation of the doctor with a visit date in the range, "
                + "one row per visit, for all their patients.");
        what.addClassName("clinic-hint-inline");
        Div card = new Div(new H3("Export a doctor's visits"), what, fields);
        card.addClassName("clinic-card");
        card.setId("export-doctor-form");
        return card;
    }

    private static DatePicker datePicker(String label, LocalDate value, LocalDate today) {
        DatePicker picker = new DatePicker(label, value);
        picker.setMax(today);
        DateFields.day(picker, i18n -> i18n.setMaxErrorMessage("Choose today or an earlier day"));
        picker.setWidth("11em");
        return picker;
    }

    private void refresh() {
        List<ExportSummary> all = exports.exports();
        list.removeAll();
        if (all.isEmpty()) {
            Span none = new Span(admin ? "No exports yet." : "No exports yet. Open a patient's record to export "
                    + "their history.");
            none.addClassName("clinic-hint-inline");
            list.add(none);
            return;
        }
        all.forEach(export -> list.add(row(export)));
    }

    private Div row(ExportSummary export) {
        Div row = new Div();
        row.addClassName("clinic-export-row");
        row.getElement().setAttribute("data-export", export.id().toString());
        row.getElement().setAttribute("data-state", export.state().name());

        Span subject = new Span(export.subject());
        subject.addClassName("clinic-export-subject");
        String meta = "Requested " + WHEN.format(export.createdAt().atZone(zone))
                + (admin || !export.requestedBy().equals(me) ? " by " + export.requesterName() : "");
        Span when = new Span(meta);
        when.addClassName("clinic-hint-inline");
        Span file = new Span(export.fileName());
        file.addClassName("clinic-export-file");
        Div who = new Div(subject, when, file);
        who.addClassName("clinic-export-who");

        Div progress = new Div();
        progress.addClassName("clinic-export-progress");
        ProgressBar bar = new ProgressBar(0, 1, export.progress());
        bar.setIndeterminate(export.running() && export.rowsTotal() == null);
        if (export.state() == ExportState.FAILED || export.state() == ExportState.CANCELLED) {
            bar.addThemeName("contrast");
        } else if (export.state() == ExportState.READY) {
            bar.addThemeName("success");
        }
        bar.getElement().setAttribute("aria-label", "Progress of " + export.subject());
        Span count = new Span(count(export));
        count.addClassName("clinic-export-count");
        bar.setVisible(export.state() != ExportState.FAILED);
        progress.add(bar, count);

        Div actions = new Div(badge(export.state()));
        actions.addClassName("clinic-export-actions");
        if (export.running()) {
            Button cancel = new Button("Cancel", e -> {
                exports.cancel(export.id());
                refresh();
            });
            cancel.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
            cancel.addClassName("clinic-export-cancel");
            actions.add(cancel);
        } else if (export.downloadable()) {
            Anchor download = new Anchor(ExportDownloads.of(exports, export.id()), AttachmentType.DOWNLOAD,
                    "Download CSV");
            download.addClassName("clinic-export-download");
            actions.add(download);
        }
        row.add(who, progress, actions);
        if (export.error() != null) {
            Span error = new Span(export.error());
            error.addClassName("clinic-export-error");
            row.add(error);
        }
        return row;
    }

    private String count(ExportSummary export) {
        return switch (export.state()) {
            case RUNNING -> export.rowsTotal() == null ? "Reading visits…"
                    : export.rowsDone() + " of " + export.rowsTotal() + " visits";
            case READY -> visits(export.rowsDone()) + " · kept until "
                    + DAY.format(Objects.requireNonNull(export.expiresAt()).atZone(zone));
            case CANCELLED -> "Stopped at " + export.rowsDone() + " of "
                    + (export.rowsTotal() == null ? "?" : export.rowsTotal()) + " visits; no file kept";
            case FAILED -> "No file";
            case EXPIRED -> visits(export.rowsDone()) + " · file deleted "
                    + (export.expiresAt() == null ? "" : DAY.format(export.expiresAt().atZone(zone)));
        };
    }

    private static String visits(int n) {
        return n == 1 ? "1 visit" : n + " visits";
    }


    private static Span badge(ExportState state) {
        Span badge = new Span(state.label());
        badge.getElement().getThemeList().add("badge pill");
        switch (state) {
            case READY -> badge.getElement().getThemeList().add("success");
            case FAILED -> badge.getElement().getThemeList().add("error");
            case RUNNING -> badge.getElement().getThemeList().add("primary");
            default -> badge.getElement().getThemeList().add("contrast");
        }
        badge.addClassName("clinic-export-state");
        return badge;
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        if (admin) {
            doctor.setItems(doctors.doctors().stream().sorted(Comparator.comparing(DoctorSummary::displayName))
                    .toList());
        }
        refresh();
        subscription = liveUpdates.subscribe(attachEvent.getUI(), ExportProgressed.class,
                changed -> admin || changed.requestedBy().equals(me), this::refresh);
    }

    @Override
    protected void onDetach(DetachEvent detachEvent) {
        if (subscription != null) {
            subscription.remove();
            subscription = null;
        }
    }
}
