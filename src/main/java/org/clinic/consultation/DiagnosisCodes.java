package org.clinic.consultation;

import org.clinic.clinical.ProblemCodes;

import java.util.List;

/** The coded diagnosis list shipped with the application: the clinic's ICD-10 list ({@link ProblemCodes}). */
final class DiagnosisCodes {

    private static final List<DiagnosisCode> ALL = ProblemCodes.all().stream()
            .map(c -> new DiagnosisCode(c.code(), c.title())).toList();

    private DiagnosisCodes() {
    }

    static List<DiagnosisCode> all() {
        return ALL;
    }

    static boolean isKnown(String code) {
        return ProblemCodes.isKnown(code);
    }
}
