package org.clinic.appointment;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * What patients may book themselves in the portal ({@code clinic.portal.booking.*}); the front desk is not bound by it.
 *
 * @param maxUpcoming  how many appointments a patient may hold at once from now on, however they were booked
 * @param closesBefore online booking of a slot closes this long before it starts
 * @param changesUntil a patient may cancel or move an appointment until this long before it starts
 * @param horizonDays  how far ahead a patient may book
 */
@ConfigurationProperties("clinic.portal.booking")
public record OnlineBookingSettings(Integer maxUpcoming, Duration closesBefore, Duration changesUntil,
                                    Integer horizonDays) {

    public OnlineBookingSettings {
        maxUpcoming = maxUpcoming == null ? 3 : maxUpcoming;
        closesBefore = closesBefore == null ? Duration.ofHours(2) : closesBefore;
        changesUntil = changesUntil == null ? Duration.ofHours(24) : changesUntil;
        horizonDays = horizonDays == null ? 60 : horizonDays;
        if (maxUpcoming < 1 || closesBefore.isNegative() || changesUntil.isNegative() || horizonDays < 1) {
            throw new IllegalArgumentException("clinic.portal.booking.* must be positive");
        }
    }
}
