package org.clinic.patient;

import com.vaadin.flow.component.Component;

import java.util.UUID;

/**
 * A part of the patient record contributed by a module that builds on the registry (appointments, later queue
 * visits and consultations), so the registry need not know those modules. Implementations are Spring beans; the
 * record shows their components in {@link org.springframework.core.annotation.Order} order.
 */
public interface PatientRecordSection {

    /** A new component showing this module's part of the patient's record; it keeps itself up to date. */
    Component render(UUID patientId);
}
