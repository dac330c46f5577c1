package org.clinic.portal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * The portal's limits ({@code clinic.portal.*}).
 *
 * @param codeValidFor       how long an emailed code works
 * @param invitationValidFor how long an invitation from reception works
 * @param codeTries          wrong tries a code takes before it is dead
 * @param perAddressPerHour  sign-ups, link attempts and code entries one network address may make per hour
 * @param perEmailPerHour    codes sent to one email address (or for one account) per hour
 */
@ConfigurationProperties("clinic.portal")
public record PortalSettings(@DefaultValue("30m") Duration codeValidFor, @DefaultValue("14d") Duration invitationValidFor,
                             @DefaultValue("5") int codeTries, @DefaultValue("30") int perAddressPerHour,
                             @DefaultValue("5") int perEmailPerHour) {

    public PortalSettings {
        if (!codeValidFor.isPositive() || !invitationValidFor.isPositive() || codeTries < 1 || perAddressPerHour < 1
                || perEmailPerHour < 1) {
            throw new IllegalArgumentException("clinic.portal limits must be positive");
        }
    }
}
