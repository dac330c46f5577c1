package org.clinic.doctor.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import jakarta.annotation.security.RolesAllowed;
import org.clinic.base.NotFoundException;
import org.clinic.doctor.DoctorRecord;
import org.clinic.doctor.DoctorService;
import org.clinic.security.Role;
import org.jspecify.annotations.Nullable;

import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;

/**
 * One doctor's working time, for administrators: the doctor at the top, then three cards, each a class of its own:
 * the weekly sessions ({@link WeekEditor}, with "copy to all weekdays"), leave and extra sessions on dates
 * ({@link DateExceptionsCard}), and a reminder of the clinic's holidays ({@link ClinicHolidaysCard}).
 */
@Route("admin/doctors/:doctorId/hours")
@RolesAllowed(Role.ADMIN_NAME)
public class DoctorHoursView extends Main implements BeforeEnterObserver, HasDynamicTitle {

    private static final String PARAMETER = "doctorId";

    private final DoctorService doctors;
    private final H2 name = new H2();
    private final Div status = new Div();
    private final Span summary = new Span();
    private final WeekEditor week;
    private final DateExceptionsCard exceptions;
    private final ClinicHolidaysCard holidays;
    private @Nullable DoctorRecord doctor;

    public DoctorHoursView(DoctorService doctors, Clock clock) {
        this.doctors = doctors;
        addClassName("clinic-page");
        addClassName("clinic-hours-page");

        RouterLink back = new RouterLink("All doctors", DoctorsView.class);
        back.addClassName("clinic-back-link");
        name.setId("doctor-name");
        HorizontalLayout titleRow = new HorizontalLayout(name, status);
        titleRow.setAlignItems(FlexComponent.Alignment.BASELINE);
        summary.addClassName("clinic-mrn");
        summary.setId("doctor-summary");
        Div header = new Div(back, titleRow, summary);
        header.addClassName("clinic-record-header");
        Div headerCard = new Div(header);
        headerCard.addClassName("clinic-card");

        week = new WeekEditor(doctors);
        exceptions = new DateExceptionsCard(doctors, LocalDate.now(clock));
        holidays = new ClinicHolidaysCard(doctors);
        add(headerCard, week, exceptions, holidays);
    }

    public static RouteParameters parameters(UUID doctorId) {
        return new RouteParameters(PARAMETER, doctorId.toString());
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        String raw = event.getRouteParameters().get(PARAMETER).orElse("");
        UUID id;
        try {
            id = UUID.fromString(raw);
        } catch (IllegalArgumentException malformed) {
            throw new NotFoundException("No doctor with this id");
        }
        DoctorRecord found = doctors.doctorRecord(id);
        doctor = found;
        name.setText(found.displayName());
        status.removeAll();
        status.add(DoctorText.activeBadge(found.active()));
        summary.setText(found.specialty().name() + " · Room " + found.room() + " · " + found.slotMinutes()
                + "-minute slots · up to " + found.dailyCapacity() + " patients a day");
        week.show(found);
        exceptions.show(found);
        holidays.load();
    }

    @Override
    public String getPageTitle() {
        return (doctor == null ? "Working hours" : "Hours of " + doctor.displayName()) + " · Clinic";
    }
}
