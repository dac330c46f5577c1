package org.clinic.clinical;

import com.vaadin.flow.component.Component;

import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * This module's screens offered to later modules without their knowing its views (as the record's
 * {@code PatientRecordSection}s are): the consultation header's safety strip. Implemented by a bean in the ui package.
 */
public interface SafetyViews {

    /**
     * The patient's allergies (or "No known allergies" / "Allergies not yet recorded"), alerts and active problems
     * in one line, with a way to change them; it keeps itself up to date and hands the active allergies to
     * {@code activeAllergies} whenever it reads them (for the prescription's warning).
     */
    Component strip(UUID patientId, Consumer<List<Allergy>> activeAllergies);
}
