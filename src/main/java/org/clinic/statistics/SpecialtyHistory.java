package org.clinic.statistics;

import java.time.Duration;
import java.util.Optional;

/** One specialty over the thirty days: visits, no-show rate and average wait. */
public record SpecialtyHistory(String name, int visits, int booked, int noShows, int called, long waitSeconds) {

    public Optional<Double> noShowRate() {
        return booked == 0 ? Optional.empty() : Optional.of((double) noShows / booked);
    }

    public Optional<Duration> averageWait() {
        return called == 0 ? Optional.empty() : Optional.of(Duration.ofSeconds(Math.round((double) waitSeconds / called)));
    }
}
