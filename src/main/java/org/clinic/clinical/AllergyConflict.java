package org.clinic.clinical;

import org.jspecify.annotations.Nullable;

/**
 * A prescribed medicine matches one of the patient's active allergies: by name, or through a class
 * ({@code allergyClass}, e.g. amoxicillin for an allergy to penicillins).
 */
public record AllergyConflict(Allergy allergy, @Nullable String allergyClass) {

    /**
     * "Allergy: Penicillins — severe, anaphylaxis"; when the medicine matched through a class the allergy is not
     * named after, the class too: "Allergy: Aspirin — severe, wheeze (ibuprofen: same class, NSAIDs)".
     */
    public String message(String medicine) {
        boolean named = allergyClass == null || AllergyMatcher.words(allergyClass)
                .equals(AllergyMatcher.words(allergy.substance()));
        return "Allergy: " + allergy.summary() + (named ? "" : " (" + medicine + ": same class, " + allergyClass + ")");
    }
}
