package org.clinic.clinical.ui;

import com.vaadin.flow.component.html.Span;
import org.clinic.clinical.Allergy;
import org.clinic.clinical.AllergyStatus;
import org.clinic.clinical.CareAlert;
import org.clinic.clinical.Problem;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** How safety data reads on screen: the same words and badge colours everywhere. */
final class SafetyText {

    static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMM yyyy");

    private SafetyText() {
    }

    /** A red badge for an allergy, "Penicillins — severe, anaphylaxis". */
    static Span allergy(Allergy allergy) {
        Span badge = badge("Allergy: " + allergy.summary(), allergy.severity().serious() ? "badge error primary"
                : "badge error");
        badge.addClassName("clinic-safety-allergy");
        return badge;
    }

    static Span status(AllergyStatus status) {
        Span badge = badge(status.label(), status == AllergyStatus.NO_KNOWN ? "badge success" : "badge contrast");
        badge.addClassName(status == AllergyStatus.UNKNOWN ? "clinic-safety-ask" : "clinic-safety-nka");
        if (status == AllergyStatus.UNKNOWN) {
            badge.setTitle("Ask the patient about allergies and record the answer");
        }
        return badge;
    }

    static Span alert(CareAlert alert) {
        Span badge = badge(alert.text(), alert.clinical() ? "badge warning" : "badge");
        badge.addClassName("clinic-safety-alert");
        return badge;
    }

    static Span problem(Problem problem) {
        Span badge = badge(problem.label(), "badge contrast");
        badge.addClassName("clinic-safety-problem");
        return badge;
    }

    static String recorded(String by, Instant at, ZoneId zone) {
        return "recorded by " + by + ", " + DATE.format(at.atZone(zone));
    }

    private static Span badge(String text, String theme) {
        Span badge = new Span(text);
        badge.getElement().getThemeList().addAll(java.util.List.of(theme.split(" ")));
        badge.addClassName("clinic-safety-badge");
        return badge;
    }
}
