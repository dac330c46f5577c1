package org.clinic.patient;

import org.clinic.base.NotFoundException;
import org.clinic.base.RuleViolation;
import org.clinic.security.CurrentPatient;
import org.clinic.security.PatientAccessLog;
import org.clinic.security.PatientPrincipal;
import org.clinic.security.SystemAuthentication;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Patients' own registry record, as the portal shows and changes it: always the signed-in patient's, never one the
 * caller names. The registry's rules apply as at the front desk; every change goes to the patient's history
 * attributed to their portal account ({@code portal:<account id>}), and every read to the access log.
 */
@Service
@PreAuthorize(CurrentPatient.SIGNED_IN)
public class OwnPatientRecord {

    private final PatientRepository patients;
    private final PatientChangeRepository changes;
    private final PatientRules rules;
    private final CurrentPatient currentPatient;
    private final PatientAccessLog accessLog;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    OwnPatientRecord(PatientRepository patients, PatientChangeRepository changes, PatientRules rules,
                     CurrentPatient currentPatient, PatientAccessLog accessLog, ApplicationEventPublisher events,
                     Clock clock) {
        this.patients = patients;
        this.changes = changes;
        this.rules = rules;
        this.currentPatient = currentPatient;
        this.accessLog = accessLog;
        this.events = events;
        this.clock = clock;
    }

    /** The signed-in patient's record; logged as a read by their account. */
    @Transactional
    public PatientRecord read() {
        Patient patient = mine();
        accessLog.recordOwnRead();
        return patient.toRecord();
    }

    /**
     * Changes the phone number and the postal address (empty removes them), by the registry's rules. Other details
     * (name, date of birth) are changed by reception, with proof.
     */
    @Transactional
    public PatientRecord changeContact(@Nullable String phone, @Nullable String address) {
        Patient patient = mine();
        PatientDetails now = patient.toRecord().details();
        PatientDetails checked = rules.check(new PatientDetails(now.givenName(), now.familyName(), now.birthDate(),
                now.birthDateEstimated(), now.sex(), phone, now.email(), address));
        List<Patient.FieldChange> fieldChanges = patient.update(checked);
        record(patient, fieldChanges, currentPatient.require().auditName());
        return flushed(patient);
    }

    /** The reminder preference: whether the clinic may email reminders and confirmations (the back office's opt-out). */
    @Transactional
    public PatientRecord allowEmailMessages(boolean allowed) {
        Patient patient = mine();
        patient.allowEmailMessages(allowed).ifPresent(change ->
                record(patient, List.of(change), currentPatient.require().auditName()));
        return flushed(patient);
    }

    /**
     * Puts a verified email address on the record, for the portal once the patient entered the code sent to it
     * (runs under the portal's own authority, as {@code portal:<account id>}).
     */
    @PreAuthorize(SystemAuthentication.PORTAL)
    @Transactional
    public void changeVerifiedEmail(UUID patientId, String email) {
        Patient patient = patients.findByPublicId(patientId)
                .orElseThrow(() -> new NotFoundException("No patient with this id"));
        PatientDetails now = patient.toRecord().details();
        PatientDetails checked = rules.check(new PatientDetails(now.givenName(), now.familyName(), now.birthDate(),
                now.birthDateEstimated(), now.sex(), now.phone(), email, now.address()));
        record(patient, patient.update(checked), actor());
        flushed(patient);
    }

    private Patient mine() {
        PatientPrincipal me = currentPatient.require();
        return patients.findByPublicId(me.patientId())
                .orElseThrow(() -> new NotFoundException("Your record could not be found; please ask reception"));
    }

    private void record(Patient patient, List<Patient.FieldChange> fieldChanges, String by) {
        if (fieldChanges.isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        changes.saveAll(fieldChanges.stream().map(c -> new PatientChange(patient.id(), now, by, c)).toList());
        events.publishEvent(new PatientChanged(patient.publicId()));
    }

    private PatientRecord flushed(Patient patient) {
        try {
            patients.flush();
        } catch (ObjectOptimisticLockingFailureException e) {
            throw new RuleViolation(null, "Your record was changed at the same moment. Please try again.");
        }
        return patient.toRecord();
    }

    private static String actor() {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication == null ? "system" : authentication.getName();
    }
}
