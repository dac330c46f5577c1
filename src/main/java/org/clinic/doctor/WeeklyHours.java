package org.clinic.doctor;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * "Copy to all weekdays" for a week of sessions, as a pure rule the hours editor uses: what the copied week is, and
 * which days' hours it would replace with different ones (the editor asks before it does). Saving the result goes
 * through {@link DoctorService#setWeeklySessions}, which checks every day again and writes the whole week in one
 * transaction, or nothing.
 */
public final class WeeklyHours {

    /** Monday to Friday: the days a copy fills; the weekend is left as it is. */
    public static final List<DayOfWeek> WEEKDAYS = List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY,
            DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY);

    private static final Comparator<WorkingSession> BY_START = Comparator.comparing(WorkingSession::start);

    private WeeklyHours() {
    }

    /** The other weekdays a copy from {@code from} fills, in order; none when {@code from} is a weekend day. */
    public static List<DayOfWeek> copyTargets(DayOfWeek from) {
        return WEEKDAYS.contains(from) ? WEEKDAYS.stream().filter(d -> d != from).toList() : List.of();
    }

    /** The week with each other weekday's sessions replaced by those of {@code from}, sorted by day and start. */
    public static List<WorkingSession> copiedToWeekdays(List<WorkingSession> week, DayOfWeek from) {
        List<DayOfWeek> targets = copyTargets(from);
        List<WorkingSession> copied = new ArrayList<>(week.stream().filter(s -> !targets.contains(s.day())).toList());
        List<WorkingSession> source = sessionsOn(week, from);
        for (DayOfWeek day : targets) {
            source.forEach(s -> copied.add(new WorkingSession(day, s.start(), s.end())));
        }
        copied.sort(Comparator.comparing(WorkingSession::day).thenComparing(BY_START));
        return List.copyOf(copied);
    }

    /**
     * The other weekdays that already have hours different from {@code from}'s: the ones a copy would overwrite.
     * A day off is simply filled and a day with the same hours stays as it is, so neither is listed.
     */
    public static List<DayOfWeek> overwrittenByCopy(List<WorkingSession> week, DayOfWeek from) {
        List<List<LocalTime>> source = times(sessionsOn(week, from));
        return copyTargets(from).stream().filter(day -> {
            List<WorkingSession> existing = sessionsOn(week, day);
            return !existing.isEmpty() && !times(existing).equals(source);
        }).toList();
    }

    /** Two sessions of one day that overlap: {@code later} starts before {@code earlier} ends. */
    public record Overlap(WorkingSession earlier, WorkingSession later) {
    }

    /**
     * The overlaps among one day's sessions: each session that starts before an earlier-starting one has ended,
     * with the earlier one that reaches furthest. The one rule the hours editor marks at the fields and the service
     * refuses with (the sessions returned are the instances given, so the editor finds its fields).
     */
    public static List<Overlap> overlaps(List<WorkingSession> daySessions) {
        List<WorkingSession> sorted = daySessions.stream().sorted(BY_START).toList();
        List<Overlap> overlaps = new ArrayList<>();
        WorkingSession reach = null;
        for (WorkingSession session : sorted) {
            if (reach != null && session.start().isBefore(reach.end())) {
                overlaps.add(new Overlap(reach, session));
            }
            if (reach == null || session.end().isAfter(reach.end())) {
                reach = session;
            }
        }
        return overlaps;
    }

    /** One day's sessions, earliest first. */
    public static List<WorkingSession> sessionsOn(List<WorkingSession> week, DayOfWeek day) {
        return week.stream().filter(s -> s.day() == day).sorted(BY_START).toList();
    }

    private static List<List<LocalTime>> times(List<WorkingSession> sessions) {
        return sessions.stream().map(s -> List.of(s.start(), s.end())).toList();
    }
}
