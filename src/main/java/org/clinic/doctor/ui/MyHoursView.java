package org.clinic.doctor.ui;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.clinic.doctor.ClinicHoliday;
import org.clinic.doctor.DateException;
import org.clinic.doctor.DoctorRecord;
import org.clinic.doctor.DoctorSchedule;
import org.clinic.doctor.DoctorService;
import org.clinic.security.Role;

/** A doctor's own details and working time, read only: administrators change them. */
@Route("my-hours")
@PageTitle("My hours · Clinic")
@Menu(title = "My hours", order = 30, icon = "vaadin:clock")
@RolesAllowed(Role.DOCTOR_NAME)
public class MyHoursView extends Main {

    public MyHoursView(DoctorService doctors) {
        addClassName("clinic-page");
        addClassName("clinic-hours-page");
        doctors.mySchedule().ifPresentOrElse(this::show, () -> {
            Div card = new Div(new H3("No doctor record yet"), new Paragraph("Your account is not linked to a "
                    + "doctor record, so there are no hours to show. Ask an administrator to add you as a doctor."));
            card.addClassName("clinic-card");
            card.setId("no-doctor-record");
            add(card);
        });
    }

    private void show(DoctorSchedule schedule) {
        DoctorRecord doctor = schedule.doctor();
        H2 name = new H2(doctor.displayName());
        name.setId("doctor-name");
        HorizontalLayout titleRow = new HorizontalLayout(name, DoctorText.activeBadge(doctor.active()));
        titleRow.setAlignItems(FlexComponent.Alignment.BASELINE);
        Span specialty = new Span(doctor.specialty().name() + " · Room " + doctor.room());
        specialty.addClassName("clinic-mrn");
        Div details = new Div();
        details.addClassName("clinic-details");
        detail(details, "Slot length", doctor.slotMinutes() + " minutes");
        detail(details, "Patients a day", "Up to " + doctor.dailyCapacity());
        detail(details, "Email", doctor.email());
        detail(details, "Registration number", doctor.registrationNumber() == null
                ? "Not recorded: ask an administrator to add it (it is printed on your prescriptions)"
                : doctor.registrationNumber());
        Div header = new Div(titleRow, specialty);
        header.addClassName("clinic-record-header");
        Div detailsCard = new Div(header, details);
        detailsCard.addClassName("clinic-card");

        Span total = new Span(DoctorText.hoursPerWeek(schedule.week()));
        total.addClassName("clinic-hint-inline");
        Div week = DoctorText.week(schedule.week());
        week.setId("my-week");
        Div weekCard = new Div(new H3("Weekly hours"), week, total);
        weekCard.addClassName("clinic-card");

        Grid<DateException> upcoming = new Grid<>();
        upcoming.addColumn(e -> DoctorText.date(e.date())).setHeader("Date").setAutoWidth(true).setFlexGrow(0);
        upcoming.addComponentColumn(e -> DoctorText.kindBadge(e.kind())).setHeader("What").setAutoWidth(true)
                .setFlexGrow(0);
        upcoming.addColumn(DoctorText::when).setHeader("Time").setAutoWidth(true).setFlexGrow(0);
        upcoming.addColumn(e -> e.note() == null ? "" : e.note()).setHeader("Note").setFlexGrow(1);
        upcoming.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        upcoming.setAllRowsVisible(true);
        upcoming.setEmptyStateText("No leave or extra sessions ahead.");
        upcoming.setItems(schedule.upcoming());
        upcoming.setId("my-date-exceptions");
        upcoming.addClassName("clinic-card-grid");
        Div upcomingCard = new Div(new H3("Leave and extra sessions"), upcoming);
        upcomingCard.addClassName("clinic-card");

        Grid<ClinicHoliday> holidays = new Grid<>();
        holidays.addColumn(h -> DoctorText.date(h.date())).setHeader("Date").setAutoWidth(true).setFlexGrow(0);
        holidays.addColumn(ClinicHoliday::name).setHeader("Holiday").setFlexGrow(1);
        holidays.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        holidays.setAllRowsVisible(true);
        holidays.setEmptyStateText("No clinic holidays ahead.");
        holidays.setItems(schedule.holidays());
        holidays.setId("my-holidays");
        holidays.addClassName("clinic-card-grid");
        Div holidaysCard = new Div(new H3("Clinic holidays"), holidays);
        holidaysCard.addClassName("clinic-card");

        Paragraph note = new Paragraph(new Icon(VaadinIcon.INFO_CIRCLE_O),
                new Span(" To change your hours or take leave, ask an administrator."));
        note.addClassName("clinic-hint-inline");
        add(detailsCard, weekCard, upcomingCard, holidaysCard, note);
    }

    private static void detail(Div details, String label, String value) {
        Span term = new Span(label);
        term.addClassName("clinic-detail-label");
        Span text = new Span(value);
        text.addClassName("clinic-detail-value");
        details.add(new Div(term, text));
    }
}
