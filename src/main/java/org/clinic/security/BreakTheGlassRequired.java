package org.clinic.security;

import java.util.UUID;

/**
 * A doctor asked for a patient they have no care relationship with, and gave no reason yet: nothing was read. The
 * screen asks for a reason ({@link PatientAccessLog#breakTheGlass}) and reads again.
 */
public class BreakTheGlassRequired extends RuntimeException {

    private final UUID patientId;

    public BreakTheGlassRequired(UUID patientId) {
        super("You have no appointment, queue visit or consultation with this patient recently: "
                + "say why you need the record first");
        this.patientId = patientId;
    }

    public UUID patientId() {
        return patientId;
    }
}
