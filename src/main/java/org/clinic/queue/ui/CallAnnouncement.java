package org.clinic.queue.ui;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a waiting-room display says when a token is called: "Token B 14, room B". Letters are spelt one by one and
 * numbers lose their leading zeros, so speech synthesis reads "B-014" the way a person would.
 */
final class CallAnnouncement {

    private static final Pattern PART = Pattern.compile("\\p{L}+|\\d+");

    private CallAnnouncement() {
    }

    static String phrase(String token, String room, String languageTag) {
        String language = Locale.forLanguageTag(languageTag).getLanguage();
        String spokenToken = spoken(token);
        String spokenRoom = spoken(room);
        String[] words = switch (language) {
            case "de" -> new String[]{"Nummer", "Raum"};
            case "fr" -> new String[]{"Numéro", "salle"};
            case "es" -> new String[]{"Turno", "sala"};
            case "it" -> new String[]{"Numero", "stanza"};
            case "nl" -> new String[]{"Nummer", "kamer"};
            case "pt" -> new String[]{"Senha", "sala"};
            default -> new String[]{"Token", "room"};
        };
        return spokenRoom.isEmpty()
                ? words[0] + " " + spokenToken
                : words[0] + " " + spokenToken + ", " + words[1] + " " + spokenRoom;
    }

    /** "B-014" → "B 14", "WG-003" → "W G 3", "R12" → "R 12". */
    static String spoken(String text) {
        StringBuilder out = new StringBuilder();
        Matcher part = PART.matcher(text);
        while (part.find()) {
            String piece = part.group();
            if (Character.isDigit(piece.charAt(0))) {
                append(out, piece.replaceFirst("^0+(?=\\d)", ""));
            } else {
                piece.codePoints().forEach(letter -> append(out, new String(Character.toChars(letter))));
            }
        }
        return out.toString();
    }

    private static void append(StringBuilder out, String word) {
        if (!out.isEmpty()) {
            out.append(' ');
        }
        out.append(word);
    }
}
