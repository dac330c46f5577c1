package org.clinic.clinical;

import org.clinic.base.Texts;
import org.jspecify.annotations.Nullable;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * Whether a medicine matches an allergy: by name, whole words, ignoring case and accents ("Amoxicillin 500 mg"
 * matches an allergy to "amoxicillin", "Amoxil" does not), or through a shipped class ({@link AllergyClasses}): an
 * allergy named as a class ("Penicillins") or as one of its medicines ("ampicillin") matches every medicine of the
 * class. Pure, for the prescription form (which warns as the doctor types) and {@link AllergyCheck}.
 */
public final class AllergyMatcher {

    /** Words a doctor may add to a substance that say nothing of it ("penicillin allergy"). */
    private static final Set<String> NOISE = Set.of("allergy", "allergic", "allergies", "to", "intolerance",
            "intolerant", "sensitivity", "reaction");

    private AllergyMatcher() {
    }

    /** The active allergies this medicine matches, each once, with the class it matched through (if any). */
    public static List<AllergyConflict> conflicts(List<Allergy> allergies, @Nullable String medicine) {
        List<String> prescribed = words(medicine);
        List<AllergyConflict> found = new ArrayList<>();
        if (prescribed.isEmpty()) {
            return found;
        }
        for (Allergy allergy : allergies) {
            if (!allergy.active()) {
                continue;
            }
            List<String> substance = words(allergy.substance()).stream().filter(w -> !NOISE.contains(w)).toList();
            if (substance.isEmpty()) {
                continue;
            }
            if (contains(prescribed, substance)) {
                found.add(new AllergyConflict(allergy, null));
                continue;
            }
            for (AllergyClasses.AllergyClass allergyClass : AllergyClasses.ALL) {
                boolean allergyInClass = allergyClass.names().contains(substance)
                        || allergyClass.medicines().contains(substance);
                if (allergyInClass && allergyClass.medicines().stream().anyMatch(m -> contains(prescribed, m))) {
                    found.add(new AllergyConflict(allergy, allergyClass.name()));
                    break;
                }
            }
        }
        return found;
    }

    /** Lower case, accents removed, split into words at anything but letters and digits. */
    static List<String> words(@Nullable String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        return Arrays.stream(Texts.searchKey(text).split("[^\\p{L}\\p{N}]+")).filter(w -> !w.isEmpty()).toList();
    }

    /** Whether {@code phrase} occurs in {@code words} as consecutive whole words. */
    private static boolean contains(List<String> words, List<String> phrase) {
        if (phrase.isEmpty()) {
            return false;
        }
        for (int i = 0; i + phrase.size() <= words.size(); i++) {
            if (words.subList(i, i + phrase.size()).equals(phrase)) {
                return true;
            }
        }
        return false;
    }
}
