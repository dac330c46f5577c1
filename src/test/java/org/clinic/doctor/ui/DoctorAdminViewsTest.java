package org.clinic.doctor.ui;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.NumberFieldTester;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.timepicker.TimePicker;
import org.clinic.appointment.TestClinic;
import org.clinic.base.ui.RecordNotFoundView;
import org.clinic.doctor.DateException;
import org.clinic.doctor.DoctorRecord;
import org.clinic.doctor.DoctorService;
import org.clinic.doctor.DoctorSummary;
import org.clinic.doctor.SpecialtyUsage;
import org.clinic.patient.PatientService;
import org.clinic.security.CreateStaffAccount;
import org.clinic.security.Role;
import org.clinic.security.StaffAccountService;
import org.clinic.security.SystemAuthentication;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.test.context.support.WithMockUser;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest
@WithMockUser(username = "boss", roles = "ADMIN")
class DoctorAdminViewsTest extends SpringBrowserlessTest {

    @Autowired
    DoctorService doctors;
    @Autowired
    StaffAccountService accounts;
    @Autowired
    PatientService patients;

    private TestClinic clinic;

    @BeforeEach
    void clinic() {
        clinic = new TestClinic(accounts, doctors, patients);
    }

    @Test
    void an_administrator_adds_a_specialty_that_then_appears_with_its_doctor_count() {
        String name = "Rheumatology " + ThreadLocalRandom.current().nextInt(1_000_000);
        navigate(SpecialtiesView.class);

        test($(TextField.class).id("specialty-name")).setValue(name);
        test($(Button.class).id("add-specialty")).click();

        assertThat(specialties().getListDataView().getItems().filter(u -> u.specialty().name().equals(name)))
                .singleElement().satisfies(u -> assertThat(u.doctors()).isZero());
        assertThat($(TextField.class).id("specialty-name").getValue()).isEmpty();

        test($(TextField.class).id("specialty-name")).setValue(name.toUpperCase());
        test($(Button.class).id("add-specialty")).click();
        assertThat($(TextField.class).id("specialty-name").getErrorMessage()).contains("already exists");
    }

    @Test
    void bad_doctor_details_are_shown_at_their_fields_and_nothing_is_written() {
        DoctorSummary existing = clinic.doctor(LocalTime.of(9, 0), LocalTime.of(12, 0), 15, 10);
        String username = unlinkedDoctorAccount();
        navigate(DoctorsView.class);

        test($(Button.class).id("add-doctor")).click();
        Dialog dialog = $(Dialog.class).single();
        test(account(dialog)).selectItem("Dr Form Test (" + username + ")");
        assertThat($(TextField.class, dialog).id("doctor-name").getValue()).isEqualTo("Dr Form Test");
        test(specialty(dialog)).selectItem(existing.specialty().name());
        test($(TextField.class, dialog).id("doctor-room")).setValue("F");
        test($(TextField.class, dialog).id("doctor-registration")).setValue("REG-" + username);
        // the tester, like the step buttons, refuses values below the field's minimum; typed ones arrive anyway
        $(IntegerField.class, dialog).id("doctor-capacity").setValue(0);
        test($(TextField.class, dialog).id("doctor-email")).setValue("not an email");

        // the form says so as soon as the values are in
        assertThat($(IntegerField.class, dialog).id("doctor-capacity").isInvalid()).isTrue();
        assertThat($(TextField.class, dialog).id("doctor-email").getErrorMessage()).contains("valid email");

        test($(Button.class, dialog).id("save-doctor")).click();
        assertThat($(IntegerField.class, dialog).id("doctor-capacity").getErrorMessage()).contains("Capacity");
        assertThat(dialog.isOpened()).isTrue();
        assertThat(linkedUsernames()).doesNotContain(username);

        // a rule only the service knows: another doctor's email, shown at the email field
        test(NumberFieldTester.class, $(IntegerField.class, dialog).id("doctor-capacity")).setValue(12);
        test($(TextField.class, dialog).id("doctor-email")).setValue(existing.email());
        test($(Button.class, dialog).id("save-doctor")).click();
        assertThat($(TextField.class, dialog).id("doctor-email").getErrorMessage())
                .isEqualTo("Another doctor has this email");
        assertThat(dialog.isOpened()).isTrue();
        assertThat(linkedUsernames()).doesNotContain(username);

        test($(TextField.class, dialog).id("doctor-email")).setValue(username + "@clinic.example.org");
        test($(Button.class, dialog).id("save-doctor")).click();
        assertThat(dialog.isOpened()).isFalse();
        assertThat(doctorsGrid().getListDataView().getItems().filter(d -> d.staffUsername().equals(username)))
                .singleElement().satisfies(d -> {
                    assertThat(d.dailyCapacity()).isEqualTo(12);
                    assertThat(d.room()).isEqualTo("F");
                });
    }

    @Test
    void an_administrator_edits_a_doctors_capacity() {
        DoctorSummary doctor = clinic.doctor(LocalTime.of(9, 0), LocalTime.of(12, 0), 15, 10);
        navigate(DoctorsView.class);
        DoctorRecord row = doctorsGrid().getListDataView().getItems().filter(d -> d.id().equals(doctor.id()))
                .findFirst().orElseThrow();
        test(doctorsGrid()).doubleClickRow(doctorsGrid().getListDataView().getItemIndex(row).orElseThrow());

        Dialog dialog = $(Dialog.class).single();
        assertThat($(ComboBox.class, dialog).id("doctor-specialty").getValue()).isEqualTo(doctor.specialty());
        test(NumberFieldTester.class, $(IntegerField.class, dialog).id("doctor-capacity")).setValue(30);
        test($(Button.class, dialog).id("save-doctor")).click();

        assertThat(dialog.isOpened()).isFalse();
        assertThat(doctors.doctor(doctor.id()).dailyCapacity()).isEqualTo(30);
    }

    @Test
    void overlapping_weekly_sessions_are_refused_at_the_field_and_nothing_is_saved() {
        DoctorSummary doctor = clinic.doctor(LocalTime.of(9, 0), LocalTime.of(12, 0), 15, 10);
        openHours(doctor.id());

        test($(Button.class).id("add-session-monday")).click();
        TimePicker[] monday = mondayPickers();
        assertThat(monday).hasSize(4); // two sessions: start and end each
        test(monday[2]).setValue(LocalTime.of(11, 0));
        test(monday[3]).setValue(LocalTime.of(13, 0));
        assertThat(monday[2].isInvalid()).isTrue(); // said while typing
        test($(Button.class).id("save-week")).click();

        assertThat(monday[2].getErrorMessage()).isEqualTo("Overlaps 09:00–12:00");
        assertThat($(Span.class).id("week-problem").getText()).contains("Nothing was saved");
        assertThat(doctors.weeklySessions(doctor.id())).hasSize(7);

        test(monday[2]).setValue(LocalTime.of(13, 0));
        test(monday[3]).setValue(LocalTime.of(15, 30));
        test($(Button.class).id("save-week")).click();
        assertThat(doctors.weeklySessions(doctor.id())).hasSize(8);
        assertThat(doctors.daySchedule(doctor.id(), LocalDate.now().plusWeeks(9).with(java.time.DayOfWeek.MONDAY))
                .sessions()).hasSize(2);
    }

    @Test
    void leave_in_the_past_is_refused_and_leave_ahead_is_listed_and_removable() {
        DoctorSummary doctor = clinic.doctor(LocalTime.of(9, 0), LocalTime.of(12, 0), 15, 10);
        openHours(doctor.id());

        $(DatePicker.class).id("exception-date").setValue(LocalDate.now().minusDays(2)); // typed past the minimum
        test($(Button.class).id("add-exception")).click();
        assertThat($(DatePicker.class).id("exception-date").getErrorMessage()).contains("passed");
        assertThat(doctors.upcomingDateExceptions(doctor.id())).isEmpty();

        LocalDate ahead = LocalDate.now().plusDays(30);
        test($(DatePicker.class).id("exception-date")).setValue(ahead);
        test($(TextField.class).id("exception-note")).setValue("Conference");
        test($(Button.class).id("add-exception")).click();
        assertThat(exceptionsGrid().getListDataView().getItems()).singleElement().satisfies(e -> {
            assertThat(e.date()).isEqualTo(ahead);
            assertThat(e.kind()).isEqualTo(DateException.Kind.LEAVE);
        });

        test($(DatePicker.class).id("exception-date")).setValue(ahead);
        test($(Button.class).id("add-exception")).click();
        assertThat($(DatePicker.class).id("exception-date").getErrorMessage()).contains("already on leave");

        test(kind()).selectItem("Extra session");
        test($(DatePicker.class).id("exception-date")).setValue(ahead.plusDays(1));
        test($(TimePicker.class).id("extra-start")).setValue(LocalTime.of(11, 0));
        test($(TimePicker.class).id("extra-end")).setValue(LocalTime.of(13, 0));
        test($(Button.class).id("add-exception")).click();
        assertThat($(TimePicker.class).id("extra-start").getErrorMessage()).contains("weekly session 09:00–12:00");

        Button remove = (Button) test(exceptionsGrid()).getCellComponent(0, 4); // the leave's remove button
        test(remove).click();
        assertThat(doctors.upcomingDateExceptions(doctor.id())).isEmpty();
    }

    @Test
    void an_unknown_or_malformed_doctor_id_is_a_not_found_page() {
        UI.getCurrent().navigate("admin/doctors/" + UUID.randomUUID() + "/hours");
        assertThat(getCurrentView()).isInstanceOf(RecordNotFoundView.class);
        UI.getCurrent().navigate("admin/doctors/not-an-id/hours");
        assertThat(getCurrentView()).isInstanceOf(RecordNotFoundView.class);
    }

    @Test
    void a_clinic_holiday_in_the_past_or_twice_is_refused_at_its_field() {
        LocalDate day = LocalDate.now().plusYears(40).plusDays(ThreadLocalRandom.current().nextInt(20_000));
        navigate(ClinicHolidaysView.class);

        test($(DatePicker.class).id("holiday-date")).setValue(day);
        test($(TextField.class).id("holiday-name")).setValue("Founders' day");
        test($(Button.class).id("add-holiday")).click();
        assertThat(doctors.upcomingClinicHolidays()).anyMatch(h -> h.date().equals(day));

        test($(DatePicker.class).id("holiday-date")).setValue(day);
        test($(TextField.class).id("holiday-name")).setValue("Again");
        test($(Button.class).id("add-holiday")).click();
        assertThat($(DatePicker.class).id("holiday-date").getErrorMessage()).contains("already a clinic holiday");
        doctors.removeClinicHoliday(day);
    }

    private void openHours(UUID doctorId) {
        UI.getCurrent().navigate(DoctorHoursView.class, DoctorHoursView.parameters(doctorId));
        assertThat(getCurrentView()).isInstanceOf(DoctorHoursView.class);
    }

    private TimePicker[] mondayPickers() {
        return $(TimePicker.class).withAriaLabelContaining("Monday").all().toArray(TimePicker[]::new);
    }

    private String unlinkedDoctorAccount() {
        String username = "form" + ThreadLocalRandom.current().nextInt(100_000_000);
        accounts.create(new CreateStaffAccount(username, "Dr Form Test", "doctor-password", Role.DOCTOR));
        return username;
    }

    private java.util.List<String> linkedUsernames() {
        return SystemAuthentication.runAs(Role.ADMIN, () -> doctors.allDoctors().stream()
                .map(DoctorRecord::staffUsername).toList());
    }

    @SuppressWarnings("unchecked")
    private ComboBox<org.clinic.security.StaffAccountSummary> account(Dialog dialog) {
        return $(ComboBox.class, dialog).id("doctor-account");
    }

    @SuppressWarnings("unchecked")
    private ComboBox<org.clinic.doctor.SpecialtySummary> specialty(Dialog dialog) {
        return $(ComboBox.class, dialog).id("doctor-specialty");
    }

    @SuppressWarnings("unchecked")
    private RadioButtonGroup<DateException.Kind> kind() {
        return $(RadioButtonGroup.class).id("exception-kind");
    }

    @SuppressWarnings("unchecked")
    private Grid<SpecialtyUsage> specialties() {
        return $(Grid.class).id("specialties");
    }

    @SuppressWarnings("unchecked")
    private Grid<DoctorRecord> doctorsGrid() {
        return $(Grid.class).id("doctors");
    }

    @SuppressWarnings("unchecked")
    private Grid<DateException> exceptionsGrid() {
        return $(Grid.class).id("date-exceptions");
    }
}
