package org.clinic.statistics;

import java.time.LocalDate;
import java.util.List;

/**
 * The days from {@code from} to {@code to} (every day, also those without visits), and the same period by specialty.
 * {@code specialties} names every specialty in a fixed order, so charts colour each one the same way every time.
 */
public record History(LocalDate from, LocalDate to, List<String> specialties, List<DayHistory> days,
                      List<SpecialtyHistory> bySpecialty) {

    public int visits() {
        return days.stream().mapToInt(DayHistory::visits).sum();
    }
}
