package org.clinic.base;

import org.jspecify.annotations.Nullable;

import java.text.Normalizer;
import java.util.regex.Pattern;

/** Cleaning of free text typed by people: one Unicode form, single spaces, no invisible control characters. */
public final class Texts {

    private static final Pattern WHITESPACE = Pattern.compile("\\s+");
    private static final Pattern CONTROL = Pattern.compile("[\\p{Cc}\\p{Cf}\\p{Co}\\p{Cn}&&[^\\n\\t]]");

    private Texts() {
    }

    /** NFC-normalised, trimmed, inner whitespace collapsed to one space; null for blank input. */
    public static @Nullable String clean(@Nullable String text) {
        if (text == null) {
            return null;
        }
        String cleaned = WHITESPACE.matcher(Normalizer.normalize(text, Normalizer.Form.NFC)).replaceAll(" ").strip();
        return cleaned.isEmpty() ? null : cleaned;
    }

    /**
     * The form of a name that search compares: lower case, accents and other marks removed, letters that are not
     * decomposable mapped to their plain form (ø → o, ł → l, ß → ss). "Müller", "MULLER" and "muller" share a key;
     * other scripts keep their letters.
     */
    public static String searchKey(String text) {
        String decomposed = Normalizer.normalize(text, Normalizer.Form.NFKD);
        StringBuilder key = new StringBuilder(decomposed.length());
        decomposed.codePoints().forEach(c -> {
            int type = Character.getType(c);
            if (type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK
                    || type == Character.ENCLOSING_MARK) {
                return;
            }
            switch (Character.toLowerCase(c)) {
                case 'ø' -> key.append('o');
                case 'ł' -> key.append('l');
                case 'đ', 'ð' -> key.append('d');
                case 'ß' -> key.append("ss");
                case 'æ' -> key.append("ae");
                case 'œ' -> key.append("oe");
                case 'þ' -> key.append("th");
                case 'ı' -> key.append('i');
                case '’', '‘', '`' -> key.append('\'');
                default -> key.appendCodePoint(Character.toLowerCase(c));
            }
        });
        return WHITESPACE.matcher(key).replaceAll(" ").strip();
    }

    /** True when the text holds control, format (such as right-to-left overrides) or unassigned characters. */
    public static boolean hasInvisibleCharacters(@Nullable String text) {
        return text != null && CONTROL.matcher(text).find();
    }
}
