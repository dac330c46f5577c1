package org.clinic.clinical;

import org.clinic.base.NotFoundException;
import org.clinic.base.RuleViolation;
import org.clinic.patient.PatientReference;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Instant;
import java.util.UUID;

/**
 * The problem list: conditions coded from the clinic's ICD-10 list ({@link ProblemCodes}, checked here and not by
 * the caller, as problems are added from the record as well as from a consultation), with their onset. Doctors only.
 * A code is on the list once while active.
 */
@Service
public class ProblemListService {

    private final SafetyStore store;
    private final SafetyWrites writes;

    ProblemListService(SafetyStore store, SafetyWrites writes) {
        this.store = store;
        this.writes = writes;
    }

    /** The clinic's coded list, to choose a condition from. */
    @PreAuthorize(ClinicalAccess.DOCTORS)
    public java.util.List<ProblemCode> codes() {
        return ProblemCodes.all();
    }

    /** Adds an active problem; refused when the code is on the list already (active). Returns the problem's id. */
    @PreAuthorize(ClinicalAccess.DOCTORS)
    @Transactional
    public UUID add(RecordProblem problem) {
        RecordProblem checked = ClinicalRules.check(problem, writes.today());
        ProblemCode code = ProblemCodes.find(java.util.Objects.requireNonNull(checked.code())).orElseThrow();
        PatientReference patient = writes.patient(checked.patientId());
        store.activeProblem(patient.internalId(), code.code()).ifPresent(p -> {
            throw duplicate(p);
        });
        UUID id = UUID.randomUUID();
        Instant now = writes.now();
        try {
            store.insertProblem(id, patient.internalId(), code, checked.onset(), now, writes.by());
        } catch (DataIntegrityViolationException e) {
            if (String.valueOf(e.getMessage()).contains("uk_problem_active_code")) {
                throw new RuleViolation("code", "Already on the problem list: " + code.label());
            }
            throw e;
        }
        writes.changed(patient.id(), patient.internalId(), "PROBLEM", id, "RECORDED", code.label()
                + (checked.onset() == null ? "" : ", since " + org.clinic.base.ClinicDates.date(checked.onset())), now);
        return id;
    }

    @PreAuthorize(ClinicalAccess.DOCTORS)
    @Transactional
    public void resolve(UUID problemId) {
        end(problemId, ClinicalStatus.RESOLVED);
    }

    @PreAuthorize(ClinicalAccess.DOCTORS)
    @Transactional
    public void enteredInError(UUID problemId) {
        end(problemId, ClinicalStatus.ENTERED_IN_ERROR);
    }

    private void end(UUID problemId, ClinicalStatus to) {
        SafetyStore.Owner owner = store.problemOwner(problemId)
                .orElseThrow(() -> new NotFoundException("No problem with this id"));
        Instant now = writes.now();
        if (!store.changeStatus("problem", problemId, to, now, writes.by())) {
            throw new RuleViolation(null, "This problem is no longer active (" + owner.status().label() + ")");
        }
        writes.changed(owner.patientPublicId(), owner.patientId(), "PROBLEM", problemId, to.name(), owner.summary(),
                now);
    }

    private static RuleViolation duplicate(Problem existing) {
        return new RuleViolation("code", "Already on the problem list: " + existing.label()
                + (existing.onset() == null ? "" : ", since " + org.clinic.base.ClinicDates.date(existing.onset())));
    }
}
