package org.clinic.clinical;

import org.jspecify.annotations.Nullable;

import java.util.List;
import java.util.UUID;

/**
 * What the reader may see of a patient's safety data. For doctors ({@code clinical} true) everything: whether
 * allergies were asked, the allergies, every alert and the problem list, newest first. For the front desk only the
 * non-clinical alerts: {@code allergyStatus} is null and the allergy and problem lists are empty, not merely hidden.
 */
public record PatientSafety(UUID patientId, boolean clinical, @Nullable AllergyStatus allergyStatus,
                            List<Allergy> allergies, List<CareAlert> alerts, List<Problem> problems) {

    public List<Allergy> activeAllergies() {
        return allergies.stream().filter(Allergy::active).toList();
    }

    public List<CareAlert> activeAlerts() {
        return alerts.stream().filter(CareAlert::active).toList();
    }

    public List<Problem> activeProblems() {
        return problems.stream().filter(Problem::active).toList();
    }
}
