package org.clinic.security;

import java.util.UUID;

/**
 * A signed-in patient (a portal account), as other modules need it: whose record it is. Portal services take the
 * patient from here, never from what the caller passes, so no id in a request can point them at another patient.
 */
public interface PatientPrincipal {

    /** The registry record this account belongs to (its public id). */
    UUID patientId();

    /** The same record's internal id, for stores and foreign keys. */
    long patientInternalId();

    /** The account's own name in audit trails (who booked, who read): short and never the patient's name. */
    String auditName();
}
