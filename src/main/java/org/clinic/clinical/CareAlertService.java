package org.clinic.clinical;

import org.clinic.base.NotFoundException;
import org.clinic.base.RuleViolation;
import org.clinic.patient.PatientReference;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Instant;
import java.util.UUID;

/**
 * Alerts for the care team: doctors record and end any; the front desk (reception, administrators) records and ends
 * the non-clinical ones only (an interpreter, a wheelchair…), and is refused a clinical one as if it did not exist.
 */
@Service
public class CareAlertService {

    private final SafetyStore store;
    private final SafetyWrites writes;

    CareAlertService(SafetyStore store, SafetyWrites writes) {
        this.store = store;
        this.writes = writes;
    }

    @PreAuthorize(ClinicalAccess.STAFF)
    @Transactional
    public UUID record(RecordAlert alert) {
        RecordAlert checked = ClinicalRules.check(alert);
        if (checked.clinical() && !ClinicalAccess.seesClinical()) {
            throw new AccessDeniedException("Only doctors record clinical alerts");
        }
        PatientReference patient = writes.patient(checked.patientId());
        UUID id = UUID.randomUUID();
        Instant now = writes.now();
        store.insertAlert(id, patient.internalId(), checked, now, writes.by());
        CareAlert recorded = new CareAlert(id, java.util.Objects.requireNonNull(checked.kind()), checked.detail(),
                checked.clinical(), ClinicalStatus.ACTIVE, now, writes.by());
        writes.changed(patient.id(), patient.internalId(), "ALERT", id, "RECORDED",
                recorded.text() + (checked.clinical() ? " (clinical)" : ""), now);
        return id;
    }

    /** The alert no longer applies. */
    @PreAuthorize(ClinicalAccess.STAFF)
    @Transactional
    public void resolve(UUID alertId) {
        end(alertId, ClinicalStatus.RESOLVED);
    }

    /** The alert was recorded by mistake. */
    @PreAuthorize(ClinicalAccess.STAFF)
    @Transactional
    public void enteredInError(UUID alertId) {
        end(alertId, ClinicalStatus.ENTERED_IN_ERROR);
    }

    private void end(UUID alertId, ClinicalStatus to) {
        boolean clinical = store.alertIsClinical(alertId).orElseThrow(() -> new NotFoundException("No alert with this id"));
        if (clinical && !ClinicalAccess.seesClinical()) {
            throw new NotFoundException("No alert with this id"); // the front desk does not learn it exists
        }
        SafetyStore.Owner owner = store.alertOwner(alertId).orElseThrow();
        Instant now = writes.now();
        if (!store.changeStatus("care_alert", alertId, to, now, writes.by())) {
            throw new RuleViolation(null, "This alert is no longer active (" + owner.status().label() + ")");
        }
        writes.changed(owner.patientPublicId(), owner.patientId(), "ALERT", alertId, to.name(), owner.summary(), now);
    }
}
