package org.clinic.clinical.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import org.clinic.clinical.AllergyStatus;
import org.clinic.clinical.SafetyBadges;
import org.clinic.clinical.SafetyChanged;
import org.clinic.patient.PatientRecordStrip;
import org.springframework.core.annotation.Order;

import java.util.List;
import java.util.UUID;

/**
 * The patient's alerts in the record's top strip, as the queue cards show them: through
 * {@link org.clinic.clinical.SafetyRecords#badges}, so its visibility rules hold (allergies and "allergies not
 * recorded" for doctors only, the care alerts for everyone on the care team) and the read is logged as it logs it.
 */
@org.springframework.stereotype.Component
@Order(0)
class RecordAlertsStrip implements PatientRecordStrip {

    private final SafetyServices services;

    RecordAlertsStrip(SafetyServices services) {
        this.services = services;
    }

    @Override
    public Component render(UUID patientId) {
        return new Badges(patientId);
    }

    private final class Badges extends Div {
        private final UUID patientId;

        Badges(UUID patientId) {
            this.patientId = patientId;
            setId("strip-alerts");
            addClassNames("clinic-strip-part", "clinic-strip-alerts");
            services.liveUpdates.whileAttached(this, SafetyChanged.class,
                    changed -> changed.patientId().equals(patientId), this::refresh);
        }

        private void refresh() {
            removeAll();
            SafetyBadges badges = services.records.badges(List.of(patientId)).getOrDefault(patientId, SafetyBadges.NONE);
            Span label = new Span("Alerts");
            label.addClassName("clinic-strip-label");
            Div row = new Div();
            row.addClassName("clinic-strip-row");
            boolean doctor = services.doctor();
            if (!badges.allergies().isEmpty()) {
                row.add(badge("Allergy: " + String.join(", ", badges.allergies()),
                        badges.worstSeverity() != null && badges.worstSeverity().serious()
                                ? "badge error primary" : "badge error"));
            } else if (doctor && badges.allergyStatus() == AllergyStatus.NO_KNOWN) {
                row.add(badge("No known allergies", "badge success"));
            } else if (doctor) {
                row.add(badge("Allergies not recorded", "badge contrast"));
            }
            badges.alerts().forEach(alert -> row.add(badge(alert, "badge")));
            if (row.getComponentCount() == 0) {
                Span none = new Span("No alerts");
                none.addClassName("clinic-hint");
                row.add(none);
            }
            add(label, row);
        }
    }

    private static Span badge(String text, String theme) {
        Span badge = new Span(text);
        badge.getElement().getThemeList().addAll(List.of(theme.split(" ")));
        return badge;
    }
}
