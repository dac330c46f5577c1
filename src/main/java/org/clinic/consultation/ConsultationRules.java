package org.clinic.consultation;

import org.clinic.base.RuleViolation;
import org.clinic.base.Texts;
import org.jspecify.annotations.Nullable;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The rules for a consultation's content in one place: the consultation screen checks each field with them as it is
 * typed, {@link ConsultationService} checks everything again before every save, and the database repeats the vital
 * ranges as CHECK constraints. Implausible vitals are refused with their range; values outside the usual range are
 * only flagged ({@link Vital#flag}).
 */
public final class ConsultationRules {

    public static final int CHIEF_COMPLAINT_MAX = 500;
    public static final int NOTES_MAX = 4000;
    public static final int DIAGNOSIS_MAX = 500;
    public static final int ADVICE_MAX = 2000;
    public static final int FOLLOW_UP_NOTE_MAX = 300;
    public static final int ADDENDUM_MAX = 2000;
    public static final int MEDICINE_MAX = 120;
    public static final int PRESCRIPTION_PART_MAX = 60;
    public static final int INSTRUCTIONS_MAX = 300;
    public static final int ALLERGY_OVERRIDE_MAX = 300;
    public static final int PRESCRIPTION_LINES_MAX = 20;
    /** A follow-up within this many days of the visit. */
    public static final int FOLLOW_UP_DAYS_MAX = 366;
    public static final double BMI_MIN = 8;
    public static final double BMI_MAX = 90;

    private ConsultationRules() {
    }

    public static Optional<String> vitalProblem(Vital vital, @Nullable Number value) {
        return vital.problem(value);
    }

    /** Diastolic pressure must be below systolic. */
    public static Optional<String> pressureProblem(@Nullable Integer systolic, @Nullable Integer diastolic) {
        if (systolic != null && diastolic != null && Vital.SYSTOLIC.problem(systolic).isEmpty()
                && Vital.DIASTOLIC.problem(diastolic).isEmpty() && diastolic >= systolic) {
            return Optional.of("Diastolic " + diastolic + " must be below systolic " + systolic + " mmHg");
        }
        return Optional.empty();
    }

    public static @Nullable Double bmi(@Nullable Double weightKg, @Nullable Double heightCm) {
        if (weightKg == null || heightCm == null || Vital.WEIGHT.problem(weightKg).isPresent()
                || Vital.HEIGHT.problem(heightCm).isPresent()) {
            return null;
        }
        double metres = heightCm / 100;
        return BigDecimal.valueOf(weightKg / (metres * metres)).setScale(1, RoundingMode.HALF_UP).doubleValue();
    }

    /** Weight and height that are each plausible but together give an impossible BMI (a unit mix-up). */
    public static Optional<String> bmiProblem(@Nullable Double weightKg, @Nullable Double heightCm) {
        Double bmi = bmi(weightKg, heightCm);
        if (bmi != null && (bmi < BMI_MIN || bmi > BMI_MAX)) {
            return Optional.of("Weight and height give a BMI of " + bmi + ", which is not plausible (" + (int) BMI_MIN
                    + "–" + (int) BMI_MAX + "); check both and their units (kg, cm)");
        }
        return Optional.empty();
    }

    /**
     * Why a child's BMI is shown without a category. Under 18 a BMI is judged against centiles for age and sex (the
     * WHO growth standards to 5 years and reference to 19, or the CDC charts); no package the build can fetch from
     * Maven Central ships those tables, so the clinic shows the number and names no category rather than apply the
     * adult cut-offs (which would call most healthy toddlers underweight).
     */
    public static final String CHILD_BMI_NOTE = "no category under 18: BMI-for-age centiles are not shipped";

    /**
     * The adult category for a BMI below 18.5 or from 25 on; empty under 18 years (see {@link #CHILD_BMI_NOTE}).
     *
     * @param age the patient's age on the day of the measurement
     */
    public static Optional<String> bmiFlag(@Nullable Double bmi, Age age) {
        if (bmi == null || bmi < BMI_MIN || bmi > BMI_MAX || !age.band().adult()) {
            return Optional.empty();
        }
        if (bmi < 18.5) {
            return Optional.of("Underweight (usual 18.5–24.9)");
        }
        if (bmi >= 30) {
            return Optional.of("Obese (usual 18.5–24.9)");
        }
        if (bmi >= 25) {
            return Optional.of("Overweight (usual 18.5–24.9)");
        }
        return Optional.empty();
    }

    public static Optional<String> textProblem(@Nullable String value, int max) {
        if (value == null) {
            return Optional.empty();
        }
        if (Texts.hasInvisibleCharacters(value.replace("\n", "").replace("\r", "").replace("\t", ""))) {
            return Optional.of("Remove the control or invisible characters");
        }
        if (value.strip().length() > max) {
            return Optional.of("At most " + max + " characters (now " + value.strip().length() + ")");
        }
        return Optional.empty();
    }

    public static Optional<String> diagnosisProblem(@Nullable String value) {
        return textProblem(value, DIAGNOSIS_MAX);
    }

    public static Optional<String> followUpProblem(@Nullable LocalDate followUpOn, LocalDate visitDate) {
        if (followUpOn == null) {
            return Optional.empty();
        }
        if (!followUpOn.isAfter(visitDate)) {
            return Optional.of("A follow-up is after the visit ("
                    + org.clinic.base.ClinicDates.date(visitDate) + ")");
        }
        if (followUpOn.isAfter(visitDate.plusDays(FOLLOW_UP_DAYS_MAX))) {
            return Optional.of("Within a year of the visit");
        }
        return Optional.empty();
    }

    /**
     * The problems of one prescription line (not blank), each with the line's field name. A draft's line may still
     * be incomplete ({@code complete} false: lengths only); a completed prescription names medicine, dose,
     * frequency and duration on every line.
     */
    public static List<RuleViolation.Problem> lineProblems(int index, PrescriptionLine line, boolean complete) {
        List<RuleViolation.Problem> problems = new ArrayList<>();
        String prefix = "prescription." + index + ".";
        field(problems, prefix + "medicine", line.medicine(), MEDICINE_MAX, complete ? "Name the medicine" : null);
        field(problems, prefix + "strength", line.strength(), PRESCRIPTION_PART_MAX, null);
        field(problems, prefix + "dose", line.dose(), PRESCRIPTION_PART_MAX, complete ? "Give the dose, e.g. 1 tablet"
                : null);
        field(problems, prefix + "frequency", line.frequency(), PRESCRIPTION_PART_MAX,
                complete ? "How often, e.g. twice a day" : null);
        field(problems, prefix + "duration", line.duration(), PRESCRIPTION_PART_MAX,
                complete ? "For how long, e.g. 5 days" : null);
        field(problems, prefix + "quantity", line.quantity(), PRESCRIPTION_PART_MAX, null);
        field(problems, prefix + "instructions", line.instructions(), INSTRUCTIONS_MAX, null);
        field(problems, prefix + "allergyOverride", line.allergyOverride(), ALLERGY_OVERRIDE_MAX, null);
        return problems;
    }

    /**
     * Checks a draft and returns it cleaned (text trimmed, blank prescription lines dropped, decimals rounded), or
     * throws a {@link RuleViolation} naming every offending field; nothing is saved then.
     */
    public static ConsultationContent check(ConsultationContent content, LocalDate visitDate) {
        return check(content, visitDate, false);
    }

    /**
     * What completion needs: everything {@link #check(ConsultationContent, LocalDate)} does, a diagnosis (a working
     * one will do) and complete prescription lines.
     */
    public static ConsultationContent checkForCompletion(ConsultationContent content, LocalDate visitDate) {
        ConsultationContent checked = check(content, visitDate, true);
        if (checked.diagnosis() == null) {
            throw new RuleViolation("diagnosis", "Record a diagnosis (a working diagnosis will do) before completing");
        }
        return checked;
    }

    private static ConsultationContent check(ConsultationContent content, LocalDate visitDate, boolean complete) {
        List<RuleViolation.Problem> problems = new ArrayList<>();
        Vitals v = content.vitals();
        for (Vital vital : Vital.values()) {
            vital.problem(v.value(vital)).ifPresent(p -> problems.add(new RuleViolation.Problem(vital.field(), p)));
        }
        pressureProblem(v.systolic(), v.diastolic())
                .ifPresent(p -> problems.add(new RuleViolation.Problem("diastolic", p)));
        bmiProblem(v.weight(), v.height()).ifPresent(p -> problems.add(new RuleViolation.Problem("weight", p)));
        text(problems, "chiefComplaint", content.chiefComplaint(), CHIEF_COMPLAINT_MAX);
        text(problems, "history", content.history(), NOTES_MAX);
        text(problems, "examination", content.examination(), NOTES_MAX);
        text(problems, "diagnosis", content.diagnosis(), DIAGNOSIS_MAX);
        text(problems, "advice", content.advice(), ADVICE_MAX);
        text(problems, "followUpNote", content.followUpNote(), FOLLOW_UP_NOTE_MAX);
        String code = Texts.clean(content.diagnosisCode());
        if (code != null && !DiagnosisCodes.isKnown(code)) {
            problems.add(new RuleViolation.Problem("diagnosisCode", "Not a code of the clinic's diagnosis list"));
        }
        followUpProblem(content.followUpOn(), visitDate)
                .ifPresent(p -> problems.add(new RuleViolation.Problem("followUpOn", p)));
        List<PrescriptionLine> lines = content.prescription().stream().filter(l -> !l.isBlank()).toList();
        if (lines.size() > PRESCRIPTION_LINES_MAX) {
            problems.add(new RuleViolation.Problem("prescription", "At most " + PRESCRIPTION_LINES_MAX
                    + " medicines on one prescription"));
        }
        List<PrescriptionLine> cleanLines = new ArrayList<>();
        for (int i = 0; i < content.prescription().size(); i++) {
            PrescriptionLine line = content.prescription().get(i);
            if (line.isBlank()) {
                continue;
            }
            problems.addAll(lineProblems(i, line, complete));
            cleanLines.add(new PrescriptionLine(Texts.clean(line.medicine()), Texts.clean(line.strength()),
                    Texts.clean(line.dose()), Texts.clean(line.frequency()), Texts.clean(line.duration()),
                    Texts.clean(line.quantity()), Texts.clean(line.instructions()),
                    Texts.clean(line.allergyOverride())));
        }
        if (!problems.isEmpty()) {
            throw new RuleViolation(problems);
        }
        Vitals cleanVitals = new Vitals(v.systolic(), v.diastolic(), v.pulse(), Vitals.rounded(v.temperature()),
                v.spo2(), v.respiratoryRate(), Vitals.rounded(v.weight()), Vitals.rounded(v.height()));
        return new ConsultationContent(cleanVitals, notes(content.chiefComplaint()), notes(content.history()),
                notes(content.examination()), notes(content.diagnosis()), code, cleanLines, notes(content.advice()),
                content.followUpOn(), notes(content.followUpNote()));
    }

    public static Optional<String> addendumProblem(@Nullable String text) {
        if (text == null || text.isBlank()) {
            return Optional.of("Write the correction or addition");
        }
        return textProblem(text, ADDENDUM_MAX);
    }

    /** Multi-line text: lines kept, each line's ends trimmed, nothing at all becomes null. */
    static @Nullable String notes(@Nullable String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        return java.text.Normalizer.normalize(text.strip().replace("\r\n", "\n"), java.text.Normalizer.Form.NFC);
    }

    private static void text(List<RuleViolation.Problem> problems, String field, @Nullable String value, int max) {
        textProblem(value, max).ifPresent(p -> problems.add(new RuleViolation.Problem(field, p)));
    }

    private static void field(List<RuleViolation.Problem> problems, String field, @Nullable String value, int max,
                              @Nullable String missing) {
        if (missing != null && Texts.clean(value) == null) {
            problems.add(new RuleViolation.Problem(field, missing));
        } else {
            text(problems, field, value, max);
        }
    }
}
