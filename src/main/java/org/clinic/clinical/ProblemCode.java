package org.clinic.clinical;

/** An ICD-10 code of the clinic's coded list, with its title. */
public record ProblemCode(String code, String title) {

    public String label() {
        return code + " · " + title;
    }
}
