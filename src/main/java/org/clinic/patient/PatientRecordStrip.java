package org.clinic.patient;

import com.vaadin.flow.component.Component;

import java.util.UUID;

/**
 * A part of the strip at the top of the patient record (next appointment, the desk's actions, alerts), contributed
 * by a module that builds on the registry, as {@link PatientRecordSection} does for the sections below. Each part
 * decides for itself what the signed-in person may see and do, and reads through its module's services (which log
 * reads of patient data). Implementations are Spring beans, shown in {@link org.springframework.core.annotation.Order}.
 */
public interface PatientRecordStrip {

    /** A new component for the strip; it keeps itself up to date. */
    Component render(UUID patientId);
}
