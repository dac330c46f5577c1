package org.clinic.statistics;

import org.jspecify.annotations.Nullable;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Today's figures for one doctor, for a specialty's walk-in queue, or (as {@link #total}) for the whole clinic.
 * Waiting now counts patients not yet with the doctor (waiting or called); a wait runs from check-in to call.
 *
 * @param waitSeconds       the summed waits of the {@code called} patients
 * @param longestCalledWait the longest wait that has ended in a call today, in seconds
 * @param waitingSince      when the longest-waiting patient still waiting arrived, if anyone waits
 */
public record DoctorToday(String name, String specialty, int booked, int checkedIn, int waiting, int inConsultation,
                          int seen, int noShows, int called, long waitSeconds, long longestCalledWait,
                          @Nullable Instant waitingSince) {

    public Optional<Duration> averageWait() {
        return called == 0 ? Optional.empty() : Optional.of(Duration.ofSeconds(Math.round((double) waitSeconds / called)));
    }

    /** The longest wait of the day so far: ended in a call, or still running at {@code now}. */
    public Optional<Duration> longestWait(Instant now) {
        long running = waitingSince == null ? 0 : Math.max(0, Duration.between(waitingSince, now).toSeconds());
        long longest = Math.max(longestCalledWait, running);
        return called == 0 && waitingSince == null ? Optional.empty() : Optional.of(Duration.ofSeconds(longest));
    }

    static DoctorToday total(String name, List<DoctorToday> rows) {
        Instant since = rows.stream().map(DoctorToday::waitingSince).filter(java.util.Objects::nonNull)
                .min(Instant::compareTo).orElse(null);
        return new DoctorToday(name, "", sum(rows, DoctorToday::booked), sum(rows, DoctorToday::checkedIn),
                sum(rows, DoctorToday::waiting), sum(rows, DoctorToday::inConsultation), sum(rows, DoctorToday::seen),
                sum(rows, DoctorToday::noShows), sum(rows, DoctorToday::called),
                rows.stream().mapToLong(DoctorToday::waitSeconds).sum(),
                rows.stream().mapToLong(DoctorToday::longestCalledWait).max().orElse(0), since);
    }

    private static int sum(List<DoctorToday> rows, java.util.function.ToIntFunction<DoctorToday> figure) {
        return rows.stream().mapToInt(figure).sum();
    }
}
