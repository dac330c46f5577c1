package org.clinic.statistics;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;

/**
 * One past day: visits (completed appointments and walk-ins seen) by specialty, and what the no-show rate and the
 * average wait (check-in to call) were.
 *
 * @param booked appointments that were not cancelled: the base of the no-show rate
 */
public record DayHistory(LocalDate date, Map<String, Integer> visitsBySpecialty, int booked, int noShows, int called,
                         long waitSeconds) {

    public int visits() {
        return visitsBySpecialty.values().stream().mapToInt(Integer::intValue).sum();
    }

    /** Share of the day's booked appointments that were no-shows, 0–1. */
    public Optional<Double> noShowRate() {
        return booked == 0 ? Optional.empty() : Optional.of((double) noShows / booked);
    }

    public Optional<Duration> averageWait() {
        return called == 0 ? Optional.empty() : Optional.of(Duration.ofSeconds(Math.round((double) waitSeconds / called)));
    }
}
