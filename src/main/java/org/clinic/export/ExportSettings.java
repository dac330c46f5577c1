package org.clinic.export;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * How exports are produced and kept ({@code clinic.exports.*}).
 *
 * @param keepDays   days a produced file can be downloaded before it is deleted
 * @param staleAfter a running export that has not moved for this long lost its node (a restart) and is failed
 * @param threads    exports one node produces at the same time; further requests wait their turn
 */
@ConfigurationProperties("clinic.exports")
public record ExportSettings(int keepDays, Duration staleAfter, int threads) {

    public ExportSettings {
        if (keepDays < 1) {
            keepDays = 7;
        }
        if (staleAfter == null) {
            staleAfter = Duration.ofMinutes(10);
        }
        if (threads < 1) {
            threads = 2;
        }
    }
}
