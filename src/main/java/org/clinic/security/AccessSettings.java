package org.clinic.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * The access log's settings ({@code clinic.access.*}).
 *
 * @param careWindow a doctor with an appointment, queue visit or consultation with a patient within this many days
 *                   reads without breaking the glass
 */
@ConfigurationProperties("clinic.access")
public record AccessSettings(Duration careWindow) {

    public AccessSettings {
        careWindow = careWindow == null ? Duration.ofDays(30) : careWindow;
        if (careWindow.isNegative() || careWindow.toDays() > 3660) {
            throw new IllegalArgumentException("clinic.access.care-window must lie between 0 and 3660 days");
        }
    }
}
