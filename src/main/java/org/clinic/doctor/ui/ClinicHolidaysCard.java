package org.clinic.doctor.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.RouterLink;
import org.clinic.doctor.ClinicHoliday;
import org.clinic.doctor.DoctorService;

import java.util.List;
import java.util.stream.Collectors;

/** A reminder, beside one doctor's hours, of the coming clinic holidays, with a link to where they are kept. */
final class ClinicHolidaysCard extends Div {

    private static final int SHOWN = 8;

    private final DoctorService doctors;
    private final Div holidays = new Div();

    ClinicHolidaysCard(DoctorService doctors) {
        this.doctors = doctors;
        addClassName("clinic-card");
        holidays.setId("doctor-holidays");
        Paragraph hint = new Paragraph("The whole clinic is closed on these dates, for every doctor.");
        hint.addClassName("clinic-hint-inline");
        add(new H3("Clinic holidays"), hint, holidays,
                new RouterLink("Manage clinic holidays", ClinicHolidaysView.class));
    }

    void load() {
        holidays.removeAll();
        List<ClinicHoliday> upcoming = doctors.upcomingClinicHolidays();
        if (upcoming.isEmpty()) {
            holidays.add(new Paragraph("None ahead."));
            return;
        }
        holidays.add(new Paragraph(upcoming.stream().limit(SHOWN)
                .map(h -> DoctorText.date(h.date()) + " (" + h.name() + ")").collect(Collectors.joining(" · "))
                + (upcoming.size() > SHOWN ? " · and " + (upcoming.size() - SHOWN) + " more" : "")));
    }
}
