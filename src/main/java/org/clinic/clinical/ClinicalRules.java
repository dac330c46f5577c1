package org.clinic.clinical;

import org.clinic.base.RuleViolation;
import org.clinic.base.Texts;
import org.jspecify.annotations.Nullable;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The rules of allergies, alerts and problems, in one place for the forms (a message at the field) and the services
 * (a {@link RuleViolation} naming the command's fields; nothing written). The database repeats them as CHECKs, unique
 * keys and triggers (V070).
 */
public final class ClinicalRules {

    public static final int SUBSTANCE_MAX = 120;
    public static final int REACTION_MAX = 300;
    public static final int ALERT_DETAIL_MAX = 200;
    public static final LocalDate EARLIEST_ONSET = LocalDate.of(1900, 1, 1);

    private ClinicalRules() {
    }

    public static Optional<String> substanceProblem(@Nullable String substance) {
        String cleaned = Texts.clean(substance);
        if (cleaned == null) {
            return Optional.of("Name the substance or medicine, e.g. Penicillins");
        }
        return text(cleaned, SUBSTANCE_MAX);
    }

    public static Optional<String> reactionProblem(@Nullable String reaction) {
        String cleaned = Texts.clean(reaction);
        return cleaned == null ? Optional.empty() : text(cleaned, REACTION_MAX);
    }

    public static Optional<String> severityProblem(@Nullable Severity severity) {
        return severity == null ? Optional.of("Choose how severe: mild, moderate, severe or life-threatening")
                : Optional.empty();
    }

    public static Optional<String> alertKindProblem(@Nullable AlertKind kind) {
        return kind == null ? Optional.of("Choose what the team should know") : Optional.empty();
    }

    public static Optional<String> alertDetailProblem(@Nullable AlertKind kind, @Nullable String detail) {
        String cleaned = Texts.clean(detail);
        if (cleaned == null) {
            return kind != null && kind.needsDetail()
                    ? Optional.of(kind == AlertKind.INTERPRETER ? "Which language?" : "Say what the team should know")
                    : Optional.empty();
        }
        return text(cleaned, ALERT_DETAIL_MAX);
    }

    public static Optional<String> codeProblem(@Nullable String code) {
        String cleaned = Texts.clean(code);
        if (cleaned == null) {
            return Optional.of("Choose the condition from the list");
        }
        return ProblemCodes.isKnown(cleaned) ? Optional.empty()
                : Optional.of("Not a code of the clinic's diagnosis list");
    }

    /** An onset, when given, lies between 1900 and today (the clinic's today). */
    public static Optional<String> onsetProblem(@Nullable LocalDate onset, LocalDate today) {
        if (onset == null) {
            return Optional.empty();
        }
        if (onset.isAfter(today)) {
            return Optional.of("The onset cannot be in the future");
        }
        if (onset.isBefore(EARLIEST_ONSET)) {
            return Optional.of("Not before " + EARLIEST_ONSET.getYear());
        }
        return Optional.empty();
    }

    /** Checks the command and returns it cleaned, or throws naming every offending field. */
    public static RecordAllergy check(RecordAllergy allergy) {
        List<RuleViolation.Problem> problems = new ArrayList<>();
        add(problems, "substance", substanceProblem(allergy.substance()));
        add(problems, "reaction", reactionProblem(allergy.reaction()));
        add(problems, "severity", severityProblem(allergy.severity()));
        throwIfAny(problems);
        return new RecordAllergy(allergy.patientId(), Texts.clean(allergy.substance()),
                Texts.clean(allergy.reaction()), allergy.severity());
    }

    public static RecordAlert check(RecordAlert alert) {
        List<RuleViolation.Problem> problems = new ArrayList<>();
        add(problems, "kind", alertKindProblem(alert.kind()));
        add(problems, "detail", alertDetailProblem(alert.kind(), alert.detail()));
        throwIfAny(problems);
        return new RecordAlert(alert.patientId(), alert.kind(), Texts.clean(alert.detail()), alert.clinical());
    }

    public static RecordProblem check(RecordProblem problem, LocalDate today) {
        List<RuleViolation.Problem> problems = new ArrayList<>();
        add(problems, "code", codeProblem(problem.code()));
        add(problems, "onset", onsetProblem(problem.onset(), today));
        throwIfAny(problems);
        return new RecordProblem(problem.patientId(), Texts.clean(problem.code()), problem.onset());
    }

    private static Optional<String> text(String cleaned, int max) {
        if (Texts.hasInvisibleCharacters(cleaned)) {
            return Optional.of("Remove the control or invisible characters");
        }
        if (cleaned.length() > max) {
            return Optional.of("At most " + max + " characters (now " + cleaned.length() + ")");
        }
        return Optional.empty();
    }

    private static void add(List<RuleViolation.Problem> problems, String field, Optional<String> problem) {
        problem.ifPresent(p -> problems.add(new RuleViolation.Problem(field, p)));
    }

    private static void throwIfAny(List<RuleViolation.Problem> problems) {
        if (!problems.isEmpty()) {
            throw new RuleViolation(problems);
        }
    }
}
