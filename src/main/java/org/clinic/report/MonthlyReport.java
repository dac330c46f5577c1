package org.clinic.report;

import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.UUID;

/**
 * A month's report as the screen and the downloads show it.
 *
 * @param doctorId  the doctor reported on, or null for the whole clinic
 * @param subject   the doctor's name, or "Whole clinic"
 * @param detail    the doctor's specialty and room, or how many doctors the clinic total covers
 * @param through   the last day counted: the month's last day, or today for the current month to date
 * @param toDate    whether the month is still running (figures up to today)
 */
public record MonthlyReport(@Nullable UUID doctorId, String subject, String detail, YearMonth month,
                            LocalDate through, boolean toDate, MonthlyFigures figures, Instant computedAt) {

    public static final String WHOLE_CLINIC = "Whole clinic";

    public boolean wholeClinic() {
        return doctorId == null;
    }
}
