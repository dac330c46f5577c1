package org.clinic.report;

import org.jspecify.annotations.Nullable;

import java.time.DayOfWeek;
import java.time.Duration;
import java.util.List;

/**
 * What one doctor (or the whole clinic) did in one month. Appointments count by the day of the visit; waits run
 * from check-in to the call; a consultation's time from its start to its completion (only consultations started
 * from the queue have one). Durations are null when nothing was measured.
 *
 * @param booked         appointments for visits in the month, whatever became of them
 * @param uniquePatients different patients with a completed consultation in the month
 * @param consultations  completed consultations in the month
 * @param waits          how many waits were measured
 * @param timed          how many consultations had a measured length
 * @param byWeekday      completed consultations per weekday, Monday first (7 values)
 * @param byHour         completed consultations per starting hour of the day, clinic time (24 values)
 * @param topDiagnoses   the most frequent coded diagnoses, most frequent first
 */
public record MonthlyFigures(int booked, int completed, int cancelled, int noShow, int uniquePatients,
                             int consultations, int waits, @Nullable Duration waitAverage,
                             @Nullable Duration waitP90, int timed, @Nullable Duration consultationAverage,
                             @Nullable Duration consultationP90, List<Integer> byWeekday, List<Integer> byHour,
                             List<Diagnosis> topDiagnoses) {

    /** @param title the diagnosis as doctors wrote it next to the code (the first, alphabetically) */
    public record Diagnosis(String code, @Nullable String title, int count) {
    }

    public MonthlyFigures {
        byWeekday = List.copyOf(byWeekday);
        byHour = List.copyOf(byHour);
        topDiagnoses = List.copyOf(topDiagnoses);
    }

    public int onWeekday(DayOfWeek day) {
        return byWeekday.get(day.getValue() - 1);
    }

    /** Whether anything at all happened in the month. */
    public boolean isEmpty() {
        return booked == 0 && consultations == 0 && waits == 0;
    }
}
