package org.clinic.patient;

import org.apache.commons.codec.language.DoubleMetaphone;
import org.clinic.base.Texts;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The keys under which a patient's name is stored in {@code patient_name_key}, worked out in Java because SQL cannot:
 * <ul>
 *   <li>{@link #GIVEN} and {@link #FAMILY}: how each word of the name sounds. The word is first folded by
 *   {@link Texts#searchKey} (case, accents and marks removed; letters Unicode does not decompose mapped by its small
 *   table: ø → o, ł → l, đ → d, ß → ss, æ → ae, œ → oe, þ → th, ı → i), then encoded with Commons Codec's Double
 *   Metaphone, primary and alternate code, so "Tariq"/"Tarik" (TRK) and "Nasser"/"Naser" (NSR) meet. A word of a
 *   script the codec does not encode (Cyrillic, Han, Hangul…) is kept as {@code "=" + word}: those still match when
 *   spelt the same.</li>
 *   <li>{@link #LATER_WORD}: each family-name word after the first, followed by the given name ("lopez ana" for
 *   Ana García López), so the search box finds a later word of a family name by one index range.</li>
 * </ul>
 * Particles ("de", "van", "al", "bin"…) are left out of both: "Maria de Souza" and "Maria de Lima" must not meet on
 * "de". Changing what a key is means raising {@link #VERSION}; the backfill then rewrites every patient's keys.
 *
 * @see "docs/adr/0016-sound-alike-names-and-later-words.md"
 */
final class NameKeys {

    /** The version of these rules that a patient's stored keys were written with ({@code patient.name_keys_version}). */
    static final short VERSION = 1;
    static final char GIVEN = 'G';
    static final char FAMILY = 'F';
    static final char LATER_WORD = 'W';
    /** Longer than the codec's default of 4, so "Alexandra" and "Alexandrov" stay apart. */
    static final int CODE_LENGTH = 8;
    static final int MAX_KEY_LENGTH = 201;

    private static final Set<String> PARTICLES = Set.of("de", "da", "das", "do", "dos", "del", "della", "di", "du",
            "la", "le", "los", "las", "van", "von", "der", "den", "ter", "ten", "al", "el", "bin", "bint", "ben",
            "ibn", "y", "e");
    private static final Pattern WORD_BREAK = Pattern.compile("[\\s\\-]+");
    private static final Pattern NOT_LETTER_OR_DIGIT = Pattern.compile("[^\\p{L}\\p{N}]");
    private static final DoubleMetaphone CODEC = new DoubleMetaphone();

    static {
        CODEC.setMaxCodeLen(CODE_LENGTH); // set once here; encoding never changes the codec's state afterwards
    }

    private NameKeys() {
    }

    record Key(char kind, String key) {
    }

    /** All keys of a patient's name. */
    static Set<Key> of(String givenName, String familyName) {
        Set<Key> keys = new LinkedHashSet<>();
        sounds(givenName).forEach(code -> keys.add(new Key(GIVEN, code)));
        sounds(familyName).forEach(code -> keys.add(new Key(FAMILY, code)));
        String given = Texts.searchKey(givenName);
        List<String> familyWords = words(familyName);
        for (int i = 1; i < familyWords.size(); i++) {
            String key = familyWords.get(i) + " " + given;
            keys.add(new Key(LATER_WORD, key.length() > MAX_KEY_LENGTH ? key.substring(0, MAX_KEY_LENGTH) : key));
        }
        return keys;
    }

    /** How each word of a name sounds: the set of its Double Metaphone codes (or "=word" where it has none). */
    static Set<String> sounds(String name) {
        Set<String> codes = new LinkedHashSet<>();
        for (String word : words(name)) {
            String primary = CODEC.doubleMetaphone(word, false);
            String alternate = CODEC.doubleMetaphone(word, true);
            if (primary == null || primary.isEmpty()) {
                codes.add("=" + word);
            } else {
                codes.add(primary);
                if (alternate != null && !alternate.isEmpty()) {
                    codes.add(alternate);
                }
            }
        }
        return codes;
    }

    /** The folded words of a name, particles left out unless the name is nothing else. */
    static List<String> words(String name) {
        List<String> all = new ArrayList<>();
        for (String part : WORD_BREAK.split(Texts.searchKey(name))) {
            String word = NOT_LETTER_OR_DIGIT.matcher(part).replaceAll("");
            if (!word.isEmpty()) {
                all.add(word);
            }
        }
        List<String> words = all.stream().filter(word -> !PARTICLES.contains(word)).toList();
        return words.isEmpty() ? all : words;
    }
}
