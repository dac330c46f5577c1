package org.clinic.message;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * What messages say, and how the outbox delivers them ({@code clinic.messages.*}). The clinic's name, address and
 * phone in messages are the ones in force on the settings screen ({@code ClinicIdentitySource}).
 *
 * @param from          the sender address
 * @param whatToBring   one line in appointment messages
 * @param howToCancel   one line in appointment messages
 * @param maxAttempts   delivery attempts before a message is marked failed
 * @param firstRetry    the wait after the first failed attempt; doubled after each further one
 * @param longestRetry  the longest wait between two attempts
 * @param batchSize     messages one sender claims at a time
 * @param claimFor      how long a claim keeps other senders off a message (a crashed node's claim then expires)
 */
@ConfigurationProperties("clinic.messages")
public record MessageSettings(String from, String whatToBring,
                              String howToCancel, int maxAttempts, Duration firstRetry, Duration longestRetry,
                              int batchSize, Duration claimFor) {

    public MessageSettings {
        if (maxAttempts < 1) {
            maxAttempts = 6;
        }
        if (firstRetry == null) {
            firstRetry = Duration.ofSeconds(30);
        }
        if (longestRetry == null) {
            longestRetry = Duration.ofHours(1);
        }
        if (batchSize < 1) {
            batchSize = 50;
        }
        if (claimFor == null) {
            claimFor = Duration.ofMinutes(2);
        }
    }

    /** The wait before the next attempt after {@code attempts} failed ones: doubling, capped. */
    Duration retryAfter(int attempts) {
        Duration wait = firstRetry.multipliedBy(1L << Math.min(20, Math.max(0, attempts - 1)));
        return wait.compareTo(longestRetry) > 0 ? longestRetry : wait;
    }
}
