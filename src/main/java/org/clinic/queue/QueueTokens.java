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

    /** A specialty's walk-in prefix: "W" and the specialty's first letter. */
    static String walkInPrefix(SpecialtySummary specialty) {
        return "W" + specialty.name().substring(0, 1).toUpperCase(Locale.ROOT);
    }

    /** "A. B." for "Ann Maria Bell": what a display set to show initials shows beside the token. */
    static String initials(String fullName) {
        String[] words = fullName.strip().split("\\s+");
        if (words.length == 0 || words[0].isEmpty()) {
            return "";
        }
        String first = words[0].substring(0, 1);
        String last = words.length > 1 ? words[words.length - 1].substring(0, 1) : "";
        return (first + "." + (last.isEmpty() ? "" : " " + last + ".")).toUpperCase(Locale.ROOT);
    }

    private static String roomCode(String room) {
        return room.replaceAll("[^\\p{Alnum}]", "").toUpperCase(Locale.ROOT);
    }
}
