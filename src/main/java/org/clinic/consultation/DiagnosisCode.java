package org.clinic.consultation;

/** A coded diagnosis from the list that ships with the clinic (ICD-10). */
public record DiagnosisCode(String code, String title) {

    public String label() {
        return code + " · " + title;
    }
}
