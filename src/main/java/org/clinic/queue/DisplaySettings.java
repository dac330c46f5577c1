package org.clinic.queue;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.util.List;
import java.util.Locale;

/**
 * Waiting-room displays (properties {@code clinic.display.*}): the first-start default of the display language;
 * the language in force is {@code ClinicSettings.displayLanguage()} (changed on the settings screen).
 *
 * @param language the language displays announce calls in, as a BCP 47 tag (e.g. {@code en-GB}), unless a display's
 *                 address says otherwise with {@code lang=}
 */
@ConfigurationProperties("clinic.display")
public record DisplaySettings(String language) {

    /** The languages a display's announcements are written for (see the display's CallAnnouncement). */
    public static final List<String> LANGUAGES = List.of("en-GB", "en-US", "de-DE", "fr-FR", "es-ES", "it-IT",
            "nl-NL", "pt-PT");

    public DisplaySettings {
        language = isLanguageTag(language) ? language : "en-GB";
    }

    /** A well-formed language tag a browser's speech synthesis can be given (and nothing else gets into the page). */
    public static boolean isLanguageTag(String tag) {
        return tag != null && tag.matches("[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8}){0,3}")
                && !Locale.forLanguageTag(tag).getLanguage().isEmpty();
    }
}
