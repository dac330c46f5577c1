package org.clinic.security.signin;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * How sign-in is throttled ({@code clinic.sign-in.*}).
 *
 * @param maxFailures        consecutive failures for one account name before its sign-in is paused
 * @param lockFor            how long a paused account name or address stays paused
 * @param addressMaxFailures failures from one address within {@code addressWindow} before that address is paused,
 *                           so one address cannot try a few passwords on many accounts
 * @param addressWindow      the window in which an address's failures are counted
 * @param forgetAfter        failures with no newer one for this long are forgotten
 */
@ConfigurationProperties("clinic.sign-in")
public record SignInSettings(@DefaultValue("5") int maxFailures, @DefaultValue("15m") Duration lockFor,
                             @DefaultValue("20") int addressMaxFailures, @DefaultValue("15m") Duration addressWindow,
                             @DefaultValue("1d") Duration forgetAfter) {

    public SignInSettings {
        if (maxFailures < 1 || addressMaxFailures < 1) {
            throw new IllegalArgumentException(
                    "clinic.sign-in.max-failures and address-max-failures must be at least 1");
        }
        if (!lockFor.isPositive() || !addressWindow.isPositive() || !forgetAfter.isPositive()) {
            throw new IllegalArgumentException("clinic.sign-in durations must be positive");
        }
    }

    /** "15 minutes", for telling people how long a pause lasts. */
    public String lockForText() {
        long minutes = Math.max(1, lockFor.toMinutes());
        return minutes % 60 == 0 ? plural(minutes / 60, "hour") : plural(minutes, "minute");
    }

    private static String plural(long count, String unit) {
        return count + " " + unit + (count == 1 ? "" : "s");
    }
}
