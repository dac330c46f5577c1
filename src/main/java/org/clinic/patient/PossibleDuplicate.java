package org.clinic.patient;

import org.clinic.base.RuleViolation;

import java.util.List;

/** A registration looks like an existing patient; registering anyway needs an explicit confirmation. */
public class PossibleDuplicate extends RuleViolation {

    private final List<DuplicateCandidate> candidates;

    public PossibleDuplicate(List<DuplicateCandidate> candidates) {
        super(null, "This may be a patient who is already registered");
        this.candidates = List.copyOf(candidates);
    }

    public List<DuplicateCandidate> candidates() {
        return candidates;
    }
}
