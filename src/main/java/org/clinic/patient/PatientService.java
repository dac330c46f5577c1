package org.clinic.patient;

import org.clinic.base.NotFoundException;
import org.clinic.base.RuleViolation;
import org.clinic.base.Texts;
import org.clinic.security.AccessKind;
import org.clinic.security.CurrentStaff;
import org.clinic.security.PatientAccessLog;
import org.clinic.security.Role;
import org.clinic.security.CurrentPatient;
import org.clinic.security.SystemAuthentication;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * The patient registry. Receptionists and administrators register and change patients; doctors may look them up.
 * Every write re-checks {@link PatientRules}, is recorded in the patient's history, and announces itself to open
 * screens after commit.
 */
@Service
public class PatientService {

    static final String FRONT_DESK = "hasAnyRole('" + Role.RECEPTIONIST_NAME + "','" + Role.ADMIN_NAME + "')";
    /** A portal patient passes the methods that carry these, for their own record only. */
    static final String OWN_RECORD_BY_ID = "(hasRole('" + CurrentPatient.ROLE_NAME
            + "') and @patientOwnership.is(#id))";
    static final String OWN_RECORD_BY_INTERNAL_ID = "(hasRole('" + CurrentPatient.ROLE_NAME
            + "') and @patientOwnership.isInternal(#internalId))";
    static final String OWN_RECORDS_BY_INTERNAL_IDS = "(hasRole('" + CurrentPatient.ROLE_NAME
            + "') and @patientOwnership.ownsAll(#internalIds))";
    static final String CLINICAL_STAFF = "hasAnyRole('" + Role.RECEPTIONIST_NAME + "','" + Role.DOCTOR_NAME
            + "','" + Role.ADMIN_NAME + "')";
    /** The front desk, or the portal registering a patient whose email address was just verified. */
    static final String FRONT_DESK_OR_PORTAL = FRONT_DESK + " or " + SystemAuthentication.PORTAL;
    public static final int MAX_PAGE = 200;

    private final PatientRepository patients;
    private final PatientChangeRepository changes;
    private final PatientSearch search;
    private final PatientNameKeys nameKeys;
    private final PatientRules rules;
    private final CurrentStaff currentStaff;
    private final PatientAccessLog accessLog;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    PatientService(PatientRepository patients, PatientChangeRepository changes, PatientSearch search,
                   PatientNameKeys nameKeys, PatientRules rules, CurrentStaff currentStaff,
                   PatientAccessLog accessLog,
                   ApplicationEventPublisher events, Clock clock) {
        this.patients = patients;
        this.changes = changes;
        this.search = search;
        this.nameKeys = nameKeys;
        this.rules = rules;
        this.currentStaff = currentStaff;
        this.accessLog = accessLog;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Registers a patient. When the details look like an existing patient (same phone number, or same birth date and
     * a name that is the same or sounds alike: {@link NameKeys}) the registration is refused with {@link PossibleDuplicate} unless {@code duplicateConfirmed}.
     */
    @PreAuthorize(FRONT_DESK_OR_PORTAL)
    @Transactional
    public PatientRecord register(PatientDetails details, boolean duplicateConfirmed) {
        PatientDetails checked = rules.check(details);
        if (!duplicateConfirmed) {
            List<DuplicateCandidate> duplicates = duplicatesOf(checked, null);
            if (!duplicates.isEmpty()) {
                throw new PossibleDuplicate(duplicates);
            }
        }
        Instant now = clock.instant();
        Patient patient = patients.saveAndFlush(new Patient(Mrn.fromSequence(search.nextMrnNumber()), checked, now));
        PatientRecord registered = patient.toRecord();
        nameKeys.write(patient.id(), registered.givenName(), registered.familyName(), registered.birthDate());
        changes.save(new PatientChange(patient.id(), now, currentStaff.usernameForAudit(),
                new Patient.FieldChange("Registered", null, registered.displayMrn())));
        events.publishEvent(new PatientRegistered(patient.publicId()));
        return registered;
    }

    /** Existing patients that the given (possibly half-typed) details may duplicate, for the warning while typing. */
    @PreAuthorize(FRONT_DESK_OR_PORTAL)
    @Transactional(readOnly = true)
    public List<DuplicateCandidate> findPossibleDuplicates(PatientDetails details, @Nullable UUID excluding) {
        PatientDetails partial = new PatientDetails(
                rules.nameProblem(details.givenName()).isEmpty() ? Texts.clean(details.givenName()) : null,
                rules.nameProblem(details.familyName()).isEmpty() ? Texts.clean(details.familyName()) : null,
                rules.birthDateProblem(details.birthDate()).isEmpty() ? details.birthDate() : null,
                details.birthDateEstimated(), details.sex(),
                rules.phoneProblem(details.phone()).isEmpty() ? details.phone() : null, null, null);
        return duplicatesOf(partial, excluding);
    }

    /**
     * The patient's record, logged as a read (a doctor who does not look after the patient gives a reason first:
     * {@link org.clinic.security.BreakTheGlassRequired}). Writable transaction: the access-log row commits with it.
     */
    @PreAuthorize(CLINICAL_STAFF)
    @Transactional
    public PatientRecord get(UUID id) {
        Patient patient = find(id);
        accessLog.record(patient.publicId(), patient.id(), AccessKind.RECORD);
        return patient.toRecord();
    }

    /**
     * Changes a patient's details. {@code expectedVersion} is the version the editor started from: if someone
     * else saved in between, the change is refused rather than silently overwriting theirs.
     */
    @PreAuthorize(FRONT_DESK)
    @Transactional
    public PatientRecord update(UUID id, long expectedVersion, PatientDetails details) {
        PatientDetails checked = rules.check(details);
        Patient patient = find(id);
        requireVersion(patient, expectedVersion);
        List<Patient.FieldChange> fieldChanges = patient.update(checked);
        if (fieldChanges.isEmpty()) {
            return patient.toRecord();
        }
        record(patient, fieldChanges);
        PatientRecord updated = flushed(patient);
        if (fieldChanges.stream().anyMatch(Patient.FieldChange::isName)) {
            nameKeys.write(patient.id(), updated.givenName(), updated.familyName(), updated.birthDate());
        }
        return updated;
    }

    @PreAuthorize(FRONT_DESK)
    @Transactional
    public PatientRecord deactivate(UUID id) {
        Patient patient = find(id);
        record(patient, List.of(patient.deactivate()));
        return flushed(patient);
    }

    @PreAuthorize(FRONT_DESK)
    @Transactional
    public PatientRecord reactivate(UUID id) {
        Patient patient = find(id);
        record(patient, List.of(patient.reactivate()));
        return flushed(patient);
    }

    /**
     * The contact preference: whether the clinic may email the patient. Recorded in the patient's history; messages
     * already sent are not affected, messages queued from now on are skipped while it is off.
     */
    @PreAuthorize(FRONT_DESK)
    @Transactional
    public PatientRecord allowEmailMessages(UUID id, boolean allowed) {
        Patient patient = find(id);
        patient.allowEmailMessages(allowed).ifPresent(change -> record(patient, List.of(change)));
        return flushed(patient);
    }

    /**
     * How to reach a patient, for messages the clinic sends (by the front desk's actions, or by the application's
     * own jobs running as staff).
     */
    @PreAuthorize(CLINICAL_STAFF + " or " + OWN_RECORD_BY_ID)
    @Transactional(readOnly = true)
    public PatientContact contact(UUID id) {
        return find(id).toContact();
    }

    /** {@link #contact(UUID)} for several patients another module knows by internal id. */
    @PreAuthorize(CLINICAL_STAFF)
    @Transactional(readOnly = true)
    public Map<Long, PatientContact> contacts(java.util.Collection<Long> internalIds) {
        Map<Long, PatientContact> found = new java.util.HashMap<>();
        patients.findAllById(internalIds).forEach(p -> found.put(p.id(), p.toContact()));
        return found;
    }

    /** The patient as booking and queues refer to them (name and MRN for lists and screens: not logged). */
    @PreAuthorize(CLINICAL_STAFF + " or " + OWN_RECORD_BY_ID)
    @Transactional(readOnly = true)
    public PatientReference reference(UUID id) {
        return find(id).toReference();
    }

    /**
     * Locks the patient's row for the rest of the caller's transaction, so that everything booked for one patient
     * happens one after the other (overlap checks need that), and returns the patient. Must be the first statement
     * of the transaction: later plain reads then see everything committed before the lock was granted.
     */
    @PreAuthorize(CLINICAL_STAFF + " or " + OWN_RECORD_BY_ID) // doctors book follow-ups; patients in the portal
    @Transactional(propagation = org.springframework.transaction.annotation.Propagation.MANDATORY)
    public PatientReference lockForBooking(UUID id) {
        return search.lockPatient("public_id", id.toString())
                .orElseThrow(() -> new NotFoundException("No patient with this id"));
    }

    /** {@link #lockForBooking(UUID)} for a patient another module knows by internal id. */
    @PreAuthorize(CLINICAL_STAFF + " or " + OWN_RECORD_BY_INTERNAL_ID)
    @Transactional(propagation = org.springframework.transaction.annotation.Propagation.MANDATORY)
    public PatientReference lockForBooking(long internalId) {
        return search.lockPatient("id", internalId).orElseThrow(() -> new NotFoundException("No patient with this id"));
    }

    /** Several patients by internal id, for lists of appointments or queue entries. */
    @PreAuthorize(CLINICAL_STAFF + " or " + OWN_RECORDS_BY_INTERNAL_IDS)
    @Transactional(readOnly = true)
    public Map<Long, PatientReference> references(java.util.Collection<Long> internalIds) {
        Map<Long, PatientReference> found = new java.util.HashMap<>();
        patients.findAllById(internalIds).forEach(p -> found.put(p.id(), p.toReference()));
        return found;
    }

    /** Who changed what and when, newest first; logged as a read, as {@link #get(UUID)}. */
    @PreAuthorize(CLINICAL_STAFF)
    @Transactional
    public List<PatientChangeEntry> history(UUID id) {
        Patient patient = find(id);
        List<PatientChangeEntry> entries = changes.findByPatientIdOrderByChangedAtDescIdDesc(patient.id()).stream()
                .map(PatientChange::toEntry).toList();
        accessLog.record(patient.publicId(), patient.id(), AccessKind.HISTORY);
        return entries;
    }

    /**
     * One search box: a name (either order, prefix, any case or accents; also from a later word of the family name,
     * "López" finding "García López"), a phone number in any common format,
     * or an MRN. Empty text lists the most recently registered patients. A list of matches is not a read of
     * anyone's record and is not logged (the hot path stays as fast); opening one is (docs/adr/0008).
     */
    @PreAuthorize(CLINICAL_STAFF)
    @Transactional(readOnly = true)
    public List<PatientSummary> search(@Nullable String text, int offset, int limit) {
        if (offset < 0 || limit < 1 || limit > MAX_PAGE) {
            throw new IllegalArgumentException("offset must be >= 0 and limit 1.." + MAX_PAGE);
        }
        return search.search(text, offset, limit);
    }

    /**
     * For the portal linking a record: the patient with exactly this MRN (as typed, dashes allowed) and this date of
     * birth, or empty. Both must match; nothing tells which of the two did not.
     */
    @PreAuthorize(SystemAuthentication.PORTAL)
    @Transactional(readOnly = true)
    public java.util.Optional<PatientContact> matchForLinking(@Nullable String mrn, @Nullable LocalDate birthDate) {
        String digits = mrn == null ? "" : mrn.replaceAll("[\\s-]", "");
        if (birthDate == null || !Mrn.isValid(digits)) {
            return java.util.Optional.empty();
        }
        return patients.findByMrn(digits).filter(p -> p.toRecord().birthDate().equals(birthDate))
                .map(Patient::toContact);
    }

    /**
     * Writes the sound and later-word keys of every patient who has none yet, or keys from older rules; the same runs
     * at every start. For operations after loading patients straight into the database (and for the benchmark).
     */
    @PreAuthorize("hasRole('" + Role.ADMIN_NAME + "')")
    public long writeMissingNameKeys() {
        return nameKeys.backfill();
    }

    private List<DuplicateCandidate> duplicatesOf(PatientDetails details, @Nullable UUID excluding) {
        Map<UUID, DuplicateCandidate> found = new LinkedHashMap<>();
        if (details.phone() != null) {
            rules.phoneE164(details.phone()).ifPresent(phone -> search.withPhone(phone).forEach(p ->
                    found.putIfAbsent(p.id(), new DuplicateCandidate(p, DuplicateCandidate.Reason.SAME_PHONE))));
        }
        if (details.givenName() != null && details.familyName() != null && details.birthDate() != null) {
            search.soundingLike(NameKeys.sounds(details.givenName()), NameKeys.sounds(details.familyName()),
                    details.birthDate()).forEach(p -> found.put(p.id(),
                    new DuplicateCandidate(p, DuplicateCandidate.Reason.SOUNDS_ALIKE_SAME_BIRTH_DATE)));
            search.withNameAndBirthDate(details.givenName(), details.familyName(), details.birthDate()).forEach(p ->
                    found.put(p.id(), new DuplicateCandidate(p, DuplicateCandidate.Reason.SAME_NAME_AND_BIRTH_DATE)));
        }
        if (excluding != null) {
            found.remove(excluding);
        }
        return new ArrayList<>(found.values());
    }

    private Patient find(UUID id) {
        return patients.findByPublicId(id).orElseThrow(() -> new NotFoundException("No patient with this id"));
    }

    private static void requireVersion(Patient patient, long expectedVersion) {
        if (patient.version() != expectedVersion) {
            throw new RuleViolation(null, "Someone else changed this patient while you were editing. "
                    + "Their changes are shown now; make yours again.");
        }
    }

    private void record(Patient patient, List<Patient.FieldChange> fieldChanges) {
        Instant now = clock.instant();
        String by = currentStaff.usernameForAudit();
        changes.saveAll(fieldChanges.stream().map(c -> new PatientChange(patient.id(), now, by, c)).toList());
        events.publishEvent(new PatientChanged(patient.publicId()));
    }

    private PatientRecord flushed(Patient patient) {
        try {
            patients.flush();
        } catch (ObjectOptimisticLockingFailureException e) {
            throw new RuleViolation(null, "Someone else changed this patient at the same moment. Reload and try again.");
        }
        return Objects.requireNonNull(patient).toRecord();
    }
}
