package org.clinic.settings;

import org.jspecify.annotations.Nullable;

import java.time.Instant;

/**
 * One change in the history of the clinic's settings.
 *
 * @param setting   what changed, as the screen names it ("Time zone", "Logo")
 * @param before    the value before as people read it; null when the default was in force (or there was no logo)
 * @param after     the value after as people read it; null when the logo was removed
 * @param changedBy the administrator's user name
 */
public record SettingChange(String setting, @Nullable String before, @Nullable String after, String changedBy,
                            Instant changedAt) {

    /** "Time zone: Europe/London → Europe/Paris". */
    public String summary() {
        return setting + ": " + (before == null ? "(default)" : before) + " → " + (after == null ? "(none)" : after);
    }
}
