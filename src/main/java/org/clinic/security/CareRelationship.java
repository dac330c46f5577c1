package org.clinic.security;

import java.time.LocalDate;

/**
 * Whether a doctor looks after a patient: an appointment, a queue visit or a consultation of theirs with the patient
 * on or after a day. Implemented as Spring beans by the modules that own those facts (appointments, queue,
 * consultations), which security may not know; {@link PatientAccessLog} asks all of them.
 */
public interface CareRelationship {

    /**
     * @param staffUsername      the doctor's staff user name
     * @param patientInternalId  the patient's internal id
     * @param since              the first day that counts (later days, booked ahead, count too)
     */
    boolean exists(String staffUsername, long patientInternalId, LocalDate since);
}
