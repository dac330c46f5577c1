package org.clinic.clinical.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import org.clinic.patient.PatientRecordSection;
import org.springframework.core.annotation.Order;

import java.util.UUID;

/**
 * The patient record's first section: allergies, alerts and the problem list ({@link SafetyPanel}), before
 * appointments and visits, as a decision starts there.
 */
@org.springframework.stereotype.Component
@Order(0)
class PatientSafetySection implements PatientRecordSection {

    private final SafetyServices services;

    PatientSafetySection(SafetyServices services) {
        this.services = services;
    }

    @Override
    public Component render(UUID patientId) {
        Div card = new Div(new H3(services.doctor() ? "Allergies, alerts and problems" : "Alerts for the care team"),
                new SafetyPanel(services, patientId));
        card.addClassNames("clinic-card", "clinic-safety-card");
        card.setId("patient-safety");
        return card;
    }
}
