package org.clinic.report;

import org.jspecify.annotations.Nullable;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.Locale;

/** How a report's values read, the same on the screen, in the PDF and in the CSV. */
public final class ReportText {

    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMMM yyyy", Locale.ENGLISH);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH);

    private ReportText() {
    }

    public static String month(YearMonth month) {
        return MONTH.format(month);
    }

    public static String day(java.time.LocalDate date) {
        return DAY.format(date);
    }

    /** "1–30 November 2026", or "1–2 December 2026 (month to date)". */
    public static String period(MonthlyReport report) {
        return days(report) + (report.toDate() ? " (month to date)" : "");
    }

    /** "1–30 November 2026": the days counted, without saying whether the month is still running. */
    public static String days(MonthlyReport report) {
        int last = report.through().getDayOfMonth();
        return (last == 1 ? "1 " : "1–" + last + " ") + month(report.month());
    }

    /** "14 min 05 s", "45 s", or an em dash when nothing was measured. */
    public static String duration(@Nullable Duration duration) {
        if (duration == null) {
            return "—";
        }
        long seconds = duration.toSeconds();
        if (seconds < 60) {
            return seconds + " s";
        }
        long hours = seconds / 3600;
        long minutes = seconds % 3600 / 60;
        String rest = String.format("%02d s", seconds % 60);
        return hours > 0 ? hours + " h " + String.format("%02d min", minutes) : minutes + " min " + rest;
    }

    public static String weekday(DayOfWeek day) {
        return day.getDisplayName(TextStyle.SHORT, Locale.ENGLISH);
    }

    /** "09:00–10:00". */
    public static String hour(int hour) {
        return String.format("%02d:00–%02d:00", hour, (hour + 1) % 24);
    }

    /** "12 %" of the total, or an em dash for a zero total. */
    public static String share(int part, int total) {
        return total == 0 ? "—" : Math.round(100.0 * part / total) + " %";
    }

    /** The hours worth showing: from the first to the last with activity, at least 08:00–18:00. */
    public static int[] hourSpan(MonthlyFigures figures) {
        int first = 8;
        int last = 17;
        for (int h = 0; h < 24; h++) {
            if (figures.byHour().get(h) > 0) {
                first = Math.min(first, h);
                last = Math.max(last, h);
            }
        }
        return new int[]{first, last};
    }
}
