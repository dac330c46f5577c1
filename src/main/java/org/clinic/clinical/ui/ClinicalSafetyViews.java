package org.clinic.clinical.ui;

import com.vaadin.flow.component.Component;
import org.clinic.clinical.Allergy;
import org.clinic.clinical.SafetyViews;

import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

/** This module's components for other modules' screens. */
@org.springframework.stereotype.Component
class ClinicalSafetyViews implements SafetyViews {

    private final SafetyServices services;

    ClinicalSafetyViews(SafetyServices services) {
        this.services = services;
    }

    @Override
    public Component strip(UUID patientId, Consumer<List<Allergy>> activeAllergies) {
        return new SafetyStrip(services, patientId, activeAllergies);
    }
}
