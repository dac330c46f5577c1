package org.clinic.consultation.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.spring.security.AuthenticationContext;
import org.clinic.base.LiveUpdates;
import org.clinic.consultation.CurrentMedications;
import org.clinic.patient.PatientRecordSection;
import org.clinic.security.Role;
import org.springframework.core.annotation.Order;

import java.util.UUID;

/** The patient record's current medications, for doctors only (other staff see nothing of it). */
@org.springframework.stereotype.Component
@Order(1) // right after the allergies, alerts and problems (0): what a doctor checks before prescribing
class PatientMedicationsSection implements PatientRecordSection {

    private final CurrentMedications medications;
    private final LiveUpdates liveUpdates;
    private final AuthenticationContext authentication;

    PatientMedicationsSection(CurrentMedications medications, LiveUpdates liveUpdates,
                              AuthenticationContext authentication) {
        this.medications = medications;
        this.liveUpdates = liveUpdates;
        this.authentication = authentication;
    }

    @Override
    public Component render(UUID patientId) {
        if (!authentication.hasRole(Role.DOCTOR_NAME)) {
            Div nothing = new Div();
            nothing.setVisible(false);
            return nothing;
        }
        CurrentMedicationsPanel panel = new CurrentMedicationsPanel(medications, liveUpdates);
        panel.show(patientId);
        panel.addClassName("clinic-card");
        return panel;
    }
}
