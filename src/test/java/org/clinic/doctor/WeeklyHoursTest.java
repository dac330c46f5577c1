package org.clinic.doctor;

import org.junit.jupiter.api.Test;

import java.time.LocalTime;
import java.util.List;

import static java.time.DayOfWeek.FRIDAY;
import static java.time.DayOfWeek.MONDAY;
import static java.time.DayOfWeek.SATURDAY;
import static java.time.DayOfWeek.THURSDAY;
import static java.time.DayOfWeek.TUESDAY;
import static java.time.DayOfWeek.WEDNESDAY;
import static org.assertj.core.api.Assertions.assertThat;

class WeeklyHoursTest {

    private static final WorkingSession MONDAY_MORNING = session(MONDAY, 9, 12);
    private static final WorkingSession MONDAY_AFTERNOON = session(MONDAY, 14, 17);

    @Test
    void mondays_sessions_replace_those_of_tuesday_to_friday_and_the_weekend_stays() {
        List<WorkingSession> week = List.of(MONDAY_AFTERNOON, MONDAY_MORNING, session(WEDNESDAY, 8, 13),
                session(SATURDAY, 9, 11));

        List<WorkingSession> copied = WeeklyHours.copiedToWeekdays(week, MONDAY);

        assertThat(copied).hasSize(11);
        for (var day : List.of(MONDAY, TUESDAY, WEDNESDAY, THURSDAY, FRIDAY)) {
            assertThat(WeeklyHours.sessionsOn(copied, day)).extracting(WorkingSession::start)
                    .containsExactly(LocalTime.of(9, 0), LocalTime.of(14, 0));
        }
        assertThat(WeeklyHours.sessionsOn(copied, SATURDAY)).containsExactly(session(SATURDAY, 9, 11));
    }

    @Test
    void only_days_with_different_hours_are_overwritten_days_off_and_the_same_hours_are_not() {
        List<WorkingSession> week = List.of(MONDAY_MORNING, MONDAY_AFTERNOON,
                session(TUESDAY, 9, 12), session(TUESDAY, 14, 17), // the same
                session(WEDNESDAY, 8, 13),                          // different
                session(THURSDAY, 9, 12));                          // part of it only
        // Friday: a day off

        assertThat(WeeklyHours.overwrittenByCopy(week, MONDAY)).containsExactly(WEDNESDAY, THURSDAY);
    }

    @Test
    void the_edited_day_is_copied_to_the_other_weekdays_and_a_weekend_day_copies_nowhere() {
        assertThat(WeeklyHours.copyTargets(WEDNESDAY)).containsExactly(MONDAY, TUESDAY, THURSDAY, FRIDAY);
        assertThat(WeeklyHours.copyTargets(SATURDAY)).isEmpty();
        List<WorkingSession> week = List.of(MONDAY_MORNING, session(SATURDAY, 9, 11));
        assertThat(WeeklyHours.copiedToWeekdays(week, SATURDAY)).containsExactlyElementsOf(week);
    }

    @Test
    void a_session_inside_a_long_one_overlaps_it_even_when_a_short_one_lies_between() {
        WorkingSession allDay = session(MONDAY, 9, 17);
        WorkingSession coffee = session(MONDAY, 10, 11);
        WorkingSession lunch = session(MONDAY, 12, 13);

        assertThat(WeeklyHours.overlaps(List.of(lunch, coffee, allDay))).containsExactly(
                new WeeklyHours.Overlap(allDay, coffee), new WeeklyHours.Overlap(allDay, lunch));
        assertThat(WeeklyHours.overlaps(List.of(MONDAY_AFTERNOON, MONDAY_MORNING, session(MONDAY, 12, 14))))
                .isEmpty(); // touching is not overlapping
    }

    private static WorkingSession session(java.time.DayOfWeek day, int from, int to) {
        return new WorkingSession(day, LocalTime.of(from, 0), LocalTime.of(to, 0));
    }
}
