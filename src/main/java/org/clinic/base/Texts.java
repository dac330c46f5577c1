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

    /** True when the text holds control, format (such as right-to-left overrides) or unassigned characters. */
    public static boolean hasInvisibleCharacters(@Nullable String text) {
        return text != null && CONTROL.matcher(text).find();
    }
}
