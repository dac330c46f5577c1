package org.clinic.patient.ui;

import com.vaadin.flow.component.html.Span;
import org.clinic.patient.PatientRules;
import org.clinic.patient.PatientStatus;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

/** How the registry screens write birth dates, ages and status. */
final class PatientText {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMM yyyy");

    private PatientText() {
    }

    static String birth(LocalDate birthDate, boolean estimated, PatientRules rules) {
        int age = rules.ageOn(birthDate);
        String years = age == 1 ? "1 year" : age + " years";
        return estimated ? "about " + years + " (born ~" + birthDate.getYear() + ")"
                : DATE.format(birthDate) + " (" + years + ")";
    }

    static Span statusBadge(PatientStatus status) {
        Span badge = new Span(status.label());
        badge.getElement().getThemeList().add(status == PatientStatus.ACTIVE ? "badge success" : "badge error");
        badge.addClassName("clinic-status");
        return badge;
    }
}
