package org.clinic.clinical;

import org.clinic.base.ClinicSettings;
import org.clinic.patient.PatientReference;
import org.clinic.patient.PatientService;
import org.clinic.security.CurrentStaff;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * What every change of safety data does besides the change itself: find the patient, know who and when, keep the
 * change in the history (append-only) and tell open screens after commit. Runs inside the caller's transaction.
 */
@Component
class SafetyWrites {

    private final SafetyStore store;
    private final PatientService patients;
    private final CurrentStaff currentStaff;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    SafetyWrites(SafetyStore store, PatientService patients, CurrentStaff currentStaff,
                 ApplicationEventPublisher events, Clock clock, ClinicSettings settings) {
        this.store = store;
        this.patients = patients;
        this.currentStaff = currentStaff;
        this.events = events;
        this.clock = settings.following(clock);
    }

    PatientReference patient(UUID patientId) {
        return patients.reference(patientId);
    }

    /**
     * Locks the patient's row for the rest of the transaction (the registry's per-patient lock, which booking uses
     * too): the first statement of every allergy change, so one patient's changes happen one after the other.
     */
    PatientReference lockPatient(UUID patientId) {
        return patients.lockForBooking(patientId);
    }

    void lockPatient(long patientInternalId) {
        patients.lockForBooking(patientInternalId);
    }

    Instant now() {
        return clock.instant();
    }

    LocalDate today() {
        return LocalDate.now(clock);
    }

    String by() {
        return currentStaff.usernameForAudit();
    }

    /** Keeps the change in the history and announces it; call last, after the change was written. */
    void changed(UUID patientPublicId, long patientId, String item, @Nullable UUID itemId, String action,
                 String summary, Instant at) {
        store.audit(new SafetyStore.Change(patientId, item, itemId, action, summary, null, null, null), at, by());
        events.publishEvent(new SafetyChanged(patientPublicId));
    }
}
