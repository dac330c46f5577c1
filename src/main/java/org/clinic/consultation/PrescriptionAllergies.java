package org.clinic.consultation;

import org.clinic.base.RuleViolation;
import org.clinic.base.Texts;
import org.clinic.clinical.AllergyCheck;
import org.clinic.clinical.AllergyConflict;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A completed prescription and the patient's allergies: a line whose medicine matches an active allergy needs the
 * reason it is prescribed anyway ({@link PrescriptionLine#allergyOverride()}), and each such reason is recorded in the
 * allergy history. Drafts may hold the line without a reason (the form warns); completion may not.
 */
@Component
class PrescriptionAllergies {

    private final AllergyCheck check;

    PrescriptionAllergies(AllergyCheck check) {
        this.check = check;
    }

    /**
     * Refuses completion when a line matches an active allergy and says no reason, naming the line's
     * {@code prescription.<i>.allergyOverride} field and the allergy; returns the overridden lines' conflicts.
     * Indexes are those of the lines as the form sent them (blank lines included), as {@link ConsultationRules} does.
     */
    List<Overridden> requireReasons(UUID patientId, List<PrescriptionLine> lines) {
        List<RuleViolation.Problem> problems = new ArrayList<>();
        List<Overridden> overridden = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            PrescriptionLine line = lines.get(i);
            String medicine = Texts.clean(line.medicine());
            if (line.isBlank() || medicine == null) {
                continue;
            }
            List<AllergyConflict> conflicts = check.conflicts(patientId, medicine);
            if (conflicts.isEmpty()) {
                continue;
            }
            String reason = Texts.clean(line.allergyOverride());
            if (reason == null) {
                problems.add(new RuleViolation.Problem("prescription." + i + ".allergyOverride",
                        conflicts.getFirst().message(medicine) + ". Give the reason to prescribe " + medicine
                                + " anyway, or change the medicine"));
            } else {
                conflicts.forEach(c -> overridden.add(new Overridden(c, medicine, reason)));
            }
        }
        if (!problems.isEmpty()) {
            throw new RuleViolation(problems);
        }
        return overridden;
    }

    /** Records each override in the allergy history, in the completing transaction. */
    void record(UUID patientId, UUID consultationId, List<Overridden> overridden) {
        overridden.forEach(o -> check.recordOverride(patientId, consultationId, o.conflict(), o.medicine(), o.reason()));
    }

    record Overridden(AllergyConflict conflict, String medicine, String reason) {
    }
}
