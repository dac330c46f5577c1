package org.clinic.clinical;

import org.clinic.base.NotFoundException;
import org.clinic.base.RuleViolation;
import org.clinic.base.Texts;
import org.clinic.patient.PatientReference;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

import java.time.Instant;
import java.util.UUID;

/**
 * Recording a patient's allergies: doctors only. Every change first locks the patient (the registry's row), so the
 * status ("not yet asked", "no known allergies", "has allergies") always agrees with the active rows, and a second
 * active allergy to the same substance (whatever its case or accents) is refused at the field. Each change is kept
 * in the history and announced to open screens.
 */
@Service
public class AllergyService {

    private final SafetyStore store;
    private final SafetyWrites writes;

    AllergyService(SafetyStore store, SafetyWrites writes) {
        this.store = store;
        this.writes = writes;
    }

    /** Records an active allergy; the patient's status becomes "has allergies". Returns the allergy's id. */
    @PreAuthorize(ClinicalAccess.DOCTORS)
    @Transactional(isolation = Isolation.READ_COMMITTED) // reads after the lock see what committed before it
    public UUID record(RecordAllergy allergy) {
        RecordAllergy checked = ClinicalRules.check(allergy);
        PatientReference patient = writes.lockPatient(checked.patientId());
        Instant now = writes.now();
        store.allergyStatusForChange(patient.internalId(), now, writes.by());
        String key = Texts.searchKey(java.util.Objects.requireNonNull(checked.substance()));
        store.activeAllergies(patient.internalId()).stream()
                .filter(a -> Texts.searchKey(a.substance()).equals(key)).findFirst().ifPresent(a -> {
                    throw duplicate(a.summary());
                });
        UUID id = UUID.randomUUID();
        store.setAllergyStatus(patient.internalId(), AllergyStatus.HAS_ALLERGIES, now, writes.by());
        try {
            store.insertAllergy(id, patient.internalId(), checked, now, writes.by());
        } catch (DataIntegrityViolationException e) {
            if (String.valueOf(e.getMessage()).contains("uk_allergy_active_substance")) {
                throw duplicate(checked.substance());
            }
            throw e;
        }
        Allergy recorded = new Allergy(id, checked.substance(), checked.reaction(),
                java.util.Objects.requireNonNull(checked.severity()), ClinicalStatus.ACTIVE, now, writes.by(), now,
                writes.by());
        writes.changed(patient.id(), patient.internalId(), "ALLERGY", id, "RECORDED", recorded.summary(), now);
        return id;
    }

    /** The allergy no longer applies (outgrown, disproved by a challenge). */
    @PreAuthorize(ClinicalAccess.DOCTORS)
    @Transactional(isolation = Isolation.READ_COMMITTED)
    public void resolve(UUID allergyId) {
        end(allergyId, ClinicalStatus.RESOLVED);
    }

    /** The allergy was recorded by mistake (wrong patient, wrong substance); kept, but no longer shown as active. */
    @PreAuthorize(ClinicalAccess.DOCTORS)
    @Transactional(isolation = Isolation.READ_COMMITTED)
    public void enteredInError(UUID allergyId) {
        end(allergyId, ClinicalStatus.ENTERED_IN_ERROR);
    }

    /** The patient was asked and has no known allergies; refused while an allergy is active. */
    @PreAuthorize(ClinicalAccess.DOCTORS)
    @Transactional(isolation = Isolation.READ_COMMITTED)
    public void noKnownAllergies(UUID patientId) {
        PatientReference patient = writes.lockPatient(patientId);
        Instant now = writes.now();
        AllergyStatus status = store.allergyStatusForChange(patient.internalId(), now, writes.by());
        if (status == AllergyStatus.HAS_ALLERGIES) {
            throw new RuleViolation("allergyStatus", "The patient has active allergies: resolve them or mark them"
                    + " entered in error first");
        }
        if (status == AllergyStatus.NO_KNOWN) {
            return;
        }
        store.setAllergyStatus(patient.internalId(), AllergyStatus.NO_KNOWN, now, writes.by());
        writes.changed(patient.id(), patient.internalId(), "ALLERGY_STATUS", null, "NO_KNOWN",
                AllergyStatus.NO_KNOWN.label(), now);
    }

    private void end(UUID allergyId, ClinicalStatus to) {
        SafetyStore.Owner owner = store.allergyOwner(allergyId)
                .orElseThrow(() -> new NotFoundException("No allergy with this id"));
        writes.lockPatient(owner.patientId());
        Instant now = writes.now();
        store.allergyStatusForChange(owner.patientId(), now, writes.by());
        if (!store.changeStatus("allergy", allergyId, to, now, writes.by())) {
            throw new RuleViolation(null, "This allergy is no longer active (" + owner.status().label() + ")");
        }
        writes.changed(owner.patientPublicId(), owner.patientId(), "ALLERGY", allergyId, to.name(), owner.summary(),
                now);
        if (!store.hasActiveAllergies(owner.patientId())) {
            // the last active allergy gone: ask again rather than claim "no known allergies"
            store.setAllergyStatus(owner.patientId(), AllergyStatus.UNKNOWN, now, writes.by());
            writes.changed(owner.patientPublicId(), owner.patientId(), "ALLERGY_STATUS", null, "UNKNOWN",
                    AllergyStatus.UNKNOWN.label(), now);
        }
    }

    private static RuleViolation duplicate(String existing) {
        return new RuleViolation("substance", "Already recorded as an active allergy: " + existing);
    }
}
