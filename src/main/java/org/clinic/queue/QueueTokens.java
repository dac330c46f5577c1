package org.clinic.queue;

import org.clinic.doctor.DoctorSummary;
import org.clinic.doctor.SpecialtySummary;

import java.util.List;
import java.util.Locale;

/** How tokens and initials read: short, unique in the waiting room, easy to say aloud. */
final class QueueTokens {

    private QueueTokens() {
    }

    /**
     * A doctor's token prefix: their room's code (up to three letters or digits, e.g. "B" or "2A") when no other
     * doctor's room has the same code, so a token read out in the waiting room is unique; otherwise "D" and the
     * doctor's number. Walk-in lines' prefixes start with "W", so a room code may not.
     */
    static String prefix(DoctorSummary doctor, List<DoctorSummary> all) {
        String code = roomCode(doctor.room());
        boolean shared = all.stream()
                .anyMatch(d -> d.internalId() != doctor.internalId() && roomCode(d.room()).equals(code));
        return code.isEmpty() || code.length() > 3 || shared || code.startsWith("W") ? "D" + doctor.internalId() : code;
    }

    /**
     * A specialty's walk-in prefix: "W" and the specialty's first letter ("WG" for General practice) when no other
     * specialty starts with that letter; otherwise also the specialty's number ("WC7" for Cardiology beside Care of
     * the elderly), so two specialties' walk-in tokens are never the same.
     */
    static String walkInPrefix(SpecialtySummary specialty, List<SpecialtySummary> all) {
        String letter = firstLetter(specialty);
        boolean shared = all.stream()
                .anyMatch(s -> s.internalId() != specialty.internalId() && firstLetter(s).equals(letter));
        return "W" + letter + (shared ? Long.toString(specialty.internalId()) : "");
    }

    private static String firstLetter(SpecialtySummary specialty) {
        return specialty.name().substring(0, 1).toUpperCase(Locale.ROOT);
    }

    /**
     * "A. B." for "Ann Maria Bell": what a display set to show initials shows beside the token. The rule, so an
     * initial never shows a whole name part on a public screen:
     * <ul>
     *     <li>the name's words are its parts split at spaces; the first and the last word give an initial each
     *     (one word gives one);</li>
     *     <li>a hyphenated word gives the first letter of its first segment ("Smith-Jones" → "S.");</li>
     *     <li>a word (or that first segment) of a single letter gives nothing: its initial would be the whole part
     *     ("민지 김" → "민.", "明 李" → nothing, "J. Smith" → "S.", "O-Ren Ishii" → "I.");</li>
     *     <li>only letters count: "O'Brien" → "O.", and a name of one-letter parts only gives an empty text, which
     *     a display shows as no initials at all.</li>
     * </ul>
     * Syllabic scripts (Hangul, Han, Kana) follow the same rule with a character as the letter; the registry keeps
     * given and family names apart, so a one-character family name such as 김 or 李 is a word of its own here.
     */
    static String initials(String fullName) {
        String[] words = java.text.Normalizer.normalize(fullName, java.text.Normalizer.Form.NFC).strip().split("\\s+");
        String first = words.length == 0 ? "" : initialOf(words[0]);
        String last = words.length < 2 ? "" : initialOf(words[words.length - 1]);
        return java.util.stream.Stream.of(first, last).filter(i -> !i.isEmpty()).map(i -> i + ".")
                .collect(java.util.stream.Collectors.joining(" "));
    }

    /** The first letter of a word's first hyphen segment, or "" when that segment has fewer than two letters. */
    private static String initialOf(String word) {
        String segment = word.split("-", -1)[0];
        int[] letters = segment.codePoints().filter(Character::isLetter).limit(2).toArray();
        return letters.length < 2 ? "" : Character.toString(letters[0]).toUpperCase(Locale.ROOT);
    }

    private static String roomCode(String room) {
        return room.replaceAll("[^\\p{Alnum}]", "").toUpperCase(Locale.ROOT);
    }
}
