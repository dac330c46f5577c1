package org.clinic.consultation;

import org.clinic.base.ClinicIdentity;
import org.jspecify.annotations.Nullable;

import java.time.LocalDate;

/**
 * Everything the printed visit summary and prescription shows, read at once: the consultation (with the patient's
 * date of birth and sex), their weight, the prescriber's registration number and the clinic's identity.
 *
 * @param weight             this visit's weight, or the latest recorded before it, with its date; null when never
 *                           recorded
 * @param registrationNumber the prescriber's registration number; null for a doctor whose number an administrator has
 *                           still to enter
 */
public record PrintedPrescription(Consultation consultation, @Nullable Weight weight,
                                  @Nullable String registrationNumber, ClinicIdentity clinic) {

    /** @param thisVisit weighed at the printed consultation itself, rather than at an earlier one */
    public record Weight(double kg, LocalDate on, boolean thisVisit) {
    }
}
