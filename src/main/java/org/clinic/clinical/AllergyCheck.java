package org.clinic.clinical;

import org.clinic.patient.PatientReference;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.util.List;
import java.util.UUID;

/**
 * The allergy check of a prescription: which active allergies of the patient a medicine matches
 * ({@link AllergyMatcher}), and the record of a doctor prescribing it anyway. Used by the consultation's completion,
 * inside its transaction; what it reads is part of that write (the doctor is shown only the allergy their own
 * prescription hits), so it is not logged as a read.
 */
@Service
public class AllergyCheck {

    private final SafetyStore store;
    private final SafetyWrites writes;

    AllergyCheck(SafetyStore store, SafetyWrites writes) {
        this.store = store;
        this.writes = writes;
    }

    /** The patient's active allergies this medicine matches, by name or class; empty when none. */
    @PreAuthorize(ClinicalAccess.DOCTORS)
    @Transactional(readOnly = true)
    public List<AllergyConflict> conflicts(UUID patientId, String medicine) {
        PatientReference patient = writes.patient(patientId);
        return AllergyMatcher.conflicts(store.activeAllergies(patient.internalId()), medicine);
    }

    /**
     * Records that the signed-in doctor prescribed {@code medicine} against this allergy in this consultation, and
     * why: a row of the allergy history, in the caller's (completing) transaction.
     */
    @PreAuthorize(ClinicalAccess.DOCTORS)
    @Transactional(propagation = Propagation.MANDATORY)
    public void recordOverride(UUID patientId, UUID consultationId, AllergyConflict conflict, String medicine,
                               String reason) {
        PatientReference patient = writes.patient(patientId);
        store.audit(new SafetyStore.Change(patient.internalId(), "ALLERGY", conflict.allergy().id(), "OVERRIDDEN",
                conflict.message(medicine), medicine, reason, consultationId), writes.now(), writes.by());
    }
}
