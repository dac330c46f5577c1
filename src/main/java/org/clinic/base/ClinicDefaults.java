package org.clinic.base;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;
import java.time.ZoneId;

/**
 * Clinic-wide settings as the environment gives them ({@code CLINIC_TIME_ZONE}, {@code CLINIC_PHONE_REGION}): the
 * defaults of a first start. What is in force is {@link ClinicSettings}, where an administrator's choices on the
 * settings screen win over these.
 *
 * @param timeZone    the clinic's time zone: every clinic-local date and time is read in it
 * @param phoneRegion the region (ISO 3166 code) assumed for phone numbers typed without a country code
 * @param live        how often a live screen may refresh at most
 */
@ConfigurationProperties("clinic")
public record ClinicDefaults(ZoneId timeZone, String phoneRegion, Live live) {

    public ClinicDefaults {
        if (timeZone == null) {
            timeZone = ZoneId.of("UTC");
        }
        if (phoneRegion == null || phoneRegion.isBlank()) {
            phoneRegion = "GB";
        }
        if (live == null) {
            live = new Live(Duration.ofMillis(250));
        }
    }

    /** @param minRefreshInterval the shortest time between two refreshes of one screen; bursts are coalesced */
    public record Live(Duration minRefreshInterval) {
    }
}
