package org.clinic.doctor.ui;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.timepicker.TimePicker;
import org.clinic.appointment.TestClinic;
import org.clinic.doctor.DoctorService;
import org.clinic.doctor.DoctorSummary;
import org.clinic.doctor.WeeklyHours;
import org.clinic.doctor.WorkingSession;
import org.clinic.patient.PatientService;
import org.clinic.security.StaffAccountService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.test.context.support.WithMockUser;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.temporal.TemporalAdjusters;
import java.util.Arrays;
import java.util.List;

import static java.time.DayOfWeek.FRIDAY;
import static java.time.DayOfWeek.MONDAY;
import static java.time.DayOfWeek.SATURDAY;
import static java.time.DayOfWeek.TUESDAY;
import static java.time.DayOfWeek.WEDNESDAY;
import static org.assertj.core.api.Assertions.assertThat;

/** "Copy to weekdays" in the administrators' hours editor: asked first when it replaces hours, saved all or nothing. */
@SpringBootTest
@WithMockUser(username = "boss", roles = "ADMIN")
class WeekCopyViewTest extends SpringBrowserlessTest {

    @Autowired
    DoctorService doctors;
    @Autowired
    StaffAccountService accounts;
    @Autowired
    PatientService patients;

    private DoctorSummary doctor;

    @BeforeEach
    void a_doctor_with_two_sessions_on_mondays_and_a_saturday_morning() {
        doctor = new TestClinic(accounts, doctors, patients).doctor(LocalTime.of(9, 0), LocalTime.of(12, 0), 15, 20);
        doctors.setWeeklySessions(doctor.id(), List.of(session(MONDAY, 9, 12), session(MONDAY, 14, 17),
                session(SATURDAY, 9, 11)));
    }

    @Test
    void mondays_hours_fill_the_days_off_from_tuesday_to_friday_without_asking_and_are_saved_with_the_week() {
        openHours();

        test($(Button.class).id("copy-week-monday")).click();

        assertThat($(ConfirmDialog.class).all()).isEmpty(); // nothing to overwrite: no question
        assertThat(times(FRIDAY)).containsExactly(LocalTime.of(9, 0), LocalTime.of(12, 0), LocalTime.of(14, 0),
                LocalTime.of(17, 0));
        assertThat($(Span.class).id("week-unsaved").getText()).contains("Tuesday–Friday").contains("not saved yet");
        assertThat(doctors.weeklySessions(doctor.id())).hasSize(3); // copying alone writes nothing

        test($(Button.class).id("save-week")).click();

        List<WorkingSession> saved = doctors.weeklySessions(doctor.id());
        assertThat(saved).hasSize(11);
        for (DayOfWeek day : WeeklyHours.WEEKDAYS) {
            assertThat(WeeklyHours.sessionsOn(saved, day)).extracting(WorkingSession::end)
                    .containsExactly(LocalTime.of(12, 0), LocalTime.of(17, 0));
        }
        assertThat(WeeklyHours.sessionsOn(saved, SATURDAY)).containsExactly(session(SATURDAY, 9, 11));
        assertThat($(Span.class).id("week-unsaved").getText()).isEmpty();
    }

    @Test
    void replacing_different_hours_is_asked_first_naming_the_days_and_a_no_keeps_them() {
        doctors.setWeeklySessions(doctor.id(), List.of(session(MONDAY, 9, 12), session(MONDAY, 14, 17),
                session(TUESDAY, 9, 12), session(TUESDAY, 14, 17), session(WEDNESDAY, 8, 13)));
        openHours();

        test($(Button.class).id("copy-week-monday")).click();
        ConfirmDialog question = $(ConfirmDialog.class).id("copy-week-confirm");
        assertThat(test(question).getHeader()).isEqualTo("Replace the hours of Wednesday?"); // Tuesday is the same
        assertThat(test(question).getText()).contains("Monday (09:00–12:00 · 14:00–17:00)")
                .contains("Tuesday–Friday").contains("replaces Wednesday (08:00–13:00)");
        test(question).cancel();
        assertThat(times(WEDNESDAY)).containsExactly(LocalTime.of(8, 0), LocalTime.of(13, 0));
        assertThat(times(FRIDAY)).isEmpty();

        test($(Button.class).id("copy-week-monday")).click();
        test($(ConfirmDialog.class).id("copy-week-confirm")).confirm();
        assertThat(times(WEDNESDAY)).containsExactly(LocalTime.of(9, 0), LocalTime.of(12, 0), LocalTime.of(14, 0),
                LocalTime.of(17, 0));
        test($(Button.class).id("save-week")).click();
        assertThat(WeeklyHours.sessionsOn(doctors.weeklySessions(doctor.id()), WEDNESDAY))
                .containsExactly(session(WEDNESDAY, 9, 12), session(WEDNESDAY, 14, 17));
    }

    @Test
    void a_copied_day_that_breaks_a_rule_saves_nothing_at_all_and_says_which_day() {
        LocalDate wednesday = LocalDate.now().with(TemporalAdjusters.next(WEDNESDAY)).plusWeeks(1);
        doctors.addExtraSession(doctor.id(), wednesday, LocalTime.of(13, 0), LocalTime.of(14, 30), "Clinic audit");
        List<WorkingSession> before = doctors.weeklySessions(doctor.id());
        openHours();

        test($(Button.class).id("copy-week-monday")).click();
        test($(Button.class).id("save-week")).click();

        assertThat($(Span.class).id("week-problem").getText()).contains("Wednesday")
                .contains("extra session").contains("Nothing was saved");
        assertThat(doctors.weeklySessions(doctor.id())).containsExactlyInAnyOrderElementsOf(before); // not even Tuesday
    }

    @Test
    void a_day_with_an_unfinished_session_is_not_copied() {
        openHours();
        test($(Button.class).id("add-session-monday")).click(); // a third session, no end yet

        test($(Button.class).id("copy-week-monday")).click();

        assertThat($(Span.class).id("week-problem").getText()).contains("Monday").contains("Nothing was copied");
        assertThat(times(TUESDAY)).isEmpty();
        assertThat(Arrays.stream(pickers(MONDAY)).anyMatch(TimePicker::isInvalid)).isTrue();
    }

    private void openHours() {
        UI.getCurrent().navigate(DoctorHoursView.class, DoctorHoursView.parameters(doctor.id()));
        assertThat(getCurrentView()).isInstanceOf(DoctorHoursView.class);
    }

    private TimePicker[] pickers(DayOfWeek day) {
        return $(TimePicker.class).withAriaLabelContaining(DoctorText.day(day)).all().toArray(TimePicker[]::new);
    }

    private List<LocalTime> times(DayOfWeek day) {
        return Arrays.stream(pickers(day)).map(TimePicker::getValue).toList();
    }

    private static WorkingSession session(DayOfWeek day, int from, int to) {
        return new WorkingSession(day, LocalTime.of(from, 0), LocalTime.of(to, 0));
    }
}
