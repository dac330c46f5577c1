package org.clinic.appointment.ui;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.select.Select;
import org.clinic.appointment.AppointmentKind;
import org.clinic.appointment.AppointmentQueries;
import org.clinic.appointment.AppointmentService;
import org.clinic.appointment.AppointmentStatus;
import org.clinic.appointment.AppointmentSummary;
import org.clinic.appointment.BookAppointment;
import org.clinic.appointment.TestClinic;
import org.clinic.doctor.DoctorService;
import org.clinic.doctor.DoctorSummary;
import org.clinic.patient.PatientService;
import org.clinic.patient.PatientSummary;
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

import static org.assertj.core.api.Assertions.assertThat;
import static org.clinic.base.ui.LiveScreens.awaitLiveUpdate;

@SpringBootTest
@WithMockUser(username = "grace", roles = "RECEPTIONIST")
class BookingViewsTest extends SpringBrowserlessTest {

    private static final LocalDate DAY = LocalDate.now().plusDays(4);

    @Autowired
    AppointmentService appointments;
    @Autowired
    AppointmentQueries appointmentQueries;
    @Autowired
    StaffAccountService accounts;
    @Autowired
    DoctorService doctors;
    @Autowired
    PatientService patients;
    @Autowired
    org.clinic.TestClock clock;

    private TestClinic clinic;

    @BeforeEach
    void clinic() {
        clinic = new TestClinic(accounts, doctors, patients);
    }

    @Test
    void a_receptionist_books_a_free_slot_and_it_disappears_from_the_picker() {
        DoctorSummary doctor = clinic.doctor(LocalTime.of(9, 0), LocalTime.of(10, 0), 15, 10);
        UUID patient = clinic.patients(1).getFirst();
        BookAppointmentView view = navigate(BookAppointmentView.class);

        choose(doctor, patient);
        test(slot("09:15")).click();
        test($(Button.class).id("book")).click();

        assertThat(appointmentQueries.dayOf(doctor.id(), DAY)).singleElement()
                .satisfies(a -> assertThat(a.start()).isEqualTo(LocalTime.of(9, 15)));
        assertThat(slotTimes()).containsExactly("09:00", "09:30", "09:45");
        assertThat(view).isNotNull();
    }

    @Test
    void a_slot_booked_at_another_desk_disappears_from_the_open_picker() throws Exception {
        DoctorSummary doctor = clinic.doctor(LocalTime.of(9, 0), LocalTime.of(10, 0), 15, 10);
        var people = clinic.patients(2);
        navigate(BookAppointmentView.class);
        choose(doctor, people.get(0));
        assertThat(slotTimes()).contains("09:30");

        SystemAuthentication.runAs(Role.RECEPTIONIST, () -> appointments.book(new BookAppointment(UUID.randomUUID(),
                people.get(1), doctor.id(), DAY, LocalTime.of(9, 30), AppointmentKind.NEW, null)));

        awaitLiveUpdate(() -> !slotTimes().contains("09:30"));
    }

    @Test
    void the_days_list_shows_bookings_and_cancels_with_a_reason() {
        DoctorSummary doctor = clinic.doctor(LocalTime.of(9, 0), LocalTime.of(10, 0), 15, 10);
        UUID patient = clinic.patients(1).getFirst();
        AppointmentSummary booked = appointments.book(new BookAppointment(UUID.randomUUID(), patient, doctor.id(), DAY,
                LocalTime.of(9, 0), AppointmentKind.FOLLOW_UP, "Review"));
        navigate(DayAppointmentsView.class);
        test($(DatePicker.class).id("day")).setValue(DAY);
        test(doctorFilter()).selectItem(doctor.displayName());

        var grid = test(dayGrid());
        assertThat(grid.size()).isEqualTo(1);
        assertThat(grid.getRow(0).patientName()).isEqualTo(booked.patientName());

        var actions = grid.getCellComponent(0, 5);
        test($(Button.class, actions).withText("Cancel").single()).click();
        test($(com.vaadin.flow.component.textfield.TextField.class).withCaption("Reason").single())
                .setValue("Patient is travelling");
        test($(Button.class).withText("Cancel appointment").single()).click();

        assertThat(appointmentQueries.get(booked.id()).status()).isEqualTo(AppointmentStatus.CANCELLED);
        assertThat(test(dayGrid()).getRow(0).status()).isEqualTo(AppointmentStatus.CANCELLED);
    }

    @Test
    @SuppressWarnings("unchecked")
    void the_patient_record_lists_appointments_and_books_for_that_patient() {
        DoctorSummary doctor = clinic.doctor(LocalTime.of(9, 0), LocalTime.of(10, 0), 15, 10);
        UUID patient = clinic.patients(1).getFirst();
        appointments.book(new BookAppointment(UUID.randomUUID(), patient, doctor.id(), DAY, LocalTime.of(9, 45),
                AppointmentKind.NEW, "Sore throat"));

        navigate(org.clinic.patient.ui.PatientRecordView.class, java.util.Map.of("patientId", patient.toString()));
        Div section = $(Div.class).id("patient-appointments");
        var list = test((Grid<AppointmentSummary>) $(Grid.class, section).single());
        assertThat(list.size()).isEqualTo(1);
        assertThat(list.getRow(0).reason()).isEqualTo("Sore throat");

        test($(Button.class).id("book-for-patient")).click();
        assertThat(getCurrentView()).isInstanceOf(BookAppointmentView.class);
        assertThat(((ComboBox<PatientSummary>) $(ComboBox.class).id("booking-patient")).getValue().id()).isEqualTo(patient);
    }

    @Test
    void a_doctors_day_shows_bookings_free_slots_and_the_break() throws Exception {
        DoctorSummary doctor = clinic.doctor(LocalTime.of(9, 0), LocalTime.of(10, 0), 30, 10);
        SystemAuthentication.runAs(Role.ADMIN, () -> doctors.setWeeklySessions(doctor.id(), java.util.Arrays.stream(
                java.time.DayOfWeek.values()).flatMap(d -> java.util.stream.Stream.of(
                        new org.clinic.doctor.WorkingSession(d, LocalTime.of(9, 0), LocalTime.of(10, 0)),
                        new org.clinic.doctor.WorkingSession(d, LocalTime.of(14, 0), LocalTime.of(15, 0)))).toList()));
        UUID patient = clinic.patients(1).getFirst();
        AppointmentSummary booked = appointments.book(new BookAppointment(UUID.randomUUID(), patient, doctor.id(), DAY,
                LocalTime.of(9, 30), AppointmentKind.NEW, "Cough"));

        openDay(doctor);

        Div timeline = $(Div.class).id("timeline");
        assertThat(timeline.getElement().getTextRecursively())
                .contains(booked.patientName(), "Cough", "Break 10:00–14:00", "Free");
        assertThat($(com.vaadin.flow.component.html.Span.class).id("timeline-summary").getText())
                .startsWith("1 of 10 places booked · 3 free slots");

        // A cancellation at another desk frees the slot on the open timeline.
        appointments.cancel(booked.id(), "Feeling better");
        awaitLiveUpdate(() -> $(com.vaadin.flow.component.html.Span.class).id("timeline-summary").getText()
                .startsWith("0 of 10 places booked · 4 free slots"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void a_free_slot_on_the_doctors_day_opens_booking_with_it_chosen() {
        DoctorSummary doctor = clinic.doctor(LocalTime.of(9, 0), LocalTime.of(10, 0), 30, 10);
        UUID patient = clinic.patients(1).getFirst();
        openDay(doctor);

        Div slotRow = $(Div.class, $(Div.class).id("timeline")).all().stream()
                .filter(d -> "09:30".equals(d.getElement().getAttribute("data-slot"))).findFirst().orElseThrow();
        test($(Button.class, slotRow).withText("Book").single()).click();

        assertThat(getCurrentView()).isInstanceOf(BookAppointmentView.class);
        PatientSummary person = patients.search(patients.reference(patient).mrn(), 0, 1).getFirst();
        ((ComboBox<PatientSummary>) $(ComboBox.class).id("booking-patient")).setValue(person);
        test($(Button.class).id("book")).click();
        assertThat(appointmentQueries.dayOf(doctor.id(), DAY)).singleElement()
                .satisfies(a -> assertThat(a.start()).isEqualTo(LocalTime.of(9, 30)));
    }

    @Test
    void an_unknown_doctor_in_the_url_is_not_found() {
        navigate("appointments/day/" + UUID.randomUUID(), org.clinic.base.ui.RecordNotFoundView.class);
        navigate("appointments/day/not-a-uuid", org.clinic.base.ui.RecordNotFoundView.class);
    }

    @Test
    void the_days_list_moves_an_appointment_to_another_slot() {
        DoctorSummary doctor = clinic.doctor(LocalTime.of(9, 0), LocalTime.of(10, 0), 15, 10);
        UUID patient = clinic.patients(1).getFirst();
        AppointmentSummary booked = appointments.book(new BookAppointment(UUID.randomUUID(), patient, doctor.id(), DAY,
                LocalTime.of(9, 0), AppointmentKind.NEW, "Rash"));
        navigate(DayAppointmentsView.class);
        test($(DatePicker.class).id("day")).setValue(DAY);
        test(doctorFilter()).selectItem(doctor.displayName());

        test($(Button.class, test(dayGrid()).getCellComponent(0, 5)).withText("Move").single()).click();
        $(DatePicker.class).id("move-date").setValue(DAY.plusDays(1));
        test($(Button.class, $(Div.class).id("move-slots")).withText("09:45").single()).click();
        test($(Button.class).id("confirm-move")).click();

        assertThat(appointmentQueries.get(booked.id()).status()).isEqualTo(AppointmentStatus.CANCELLED);
        AppointmentSummary moved = appointmentQueries.ofPatient(patient).stream()
                .filter(a -> a.status() == AppointmentStatus.SCHEDULED).findFirst().orElseThrow();
        assertThat(moved.date()).isEqualTo(DAY.plusDays(1));
        assertThat(moved.start()).isEqualTo(LocalTime.of(9, 45));
        assertThat(moved.rescheduledFrom()).isEqualTo(booked.id());
        assertThat(moved.reason()).isEqualTo("Rash");
    }

    @Test
    void no_show_is_offered_only_once_the_time_has_passed() {
        clock.setTimeOfDay(LocalTime.of(8, 0));
        try {
            DoctorSummary doctor = clinic.doctor(LocalTime.of(8, 0), LocalTime.of(18, 0), 15, 10);
            var people = clinic.patients(2);
            LocalDate today = LocalDate.now(clock);
            AppointmentSummary missed = appointments.book(new BookAppointment(UUID.randomUUID(), people.get(0),
                    doctor.id(), today, LocalTime.of(9, 0), AppointmentKind.NEW, null));
            AppointmentSummary later = appointments.book(new BookAppointment(UUID.randomUUID(), people.get(1),
                    doctor.id(), today, LocalTime.of(16, 0), AppointmentKind.NEW, null));
            clock.setTimeOfDay(LocalTime.of(10, 0)); // the 09:00 appointment is over, the 16:00 one is not

            navigate(DayAppointmentsView.class);
            test($(DatePicker.class).id("day")).setValue(today);
            test(doctorFilter()).selectItem(doctor.displayName());
            assertThat($(Button.class, test(dayGrid()).getCellComponent(1, 5)).withText("No-show").all()).isEmpty();

            test($(Button.class, test(dayGrid()).getCellComponent(0, 5)).withText("No-show").single()).click();
            assertThat(appointmentQueries.get(missed.id()).status()).isEqualTo(AppointmentStatus.NO_SHOW);
            assertThat(appointmentQueries.get(later.id()).status()).isEqualTo(AppointmentStatus.SCHEDULED);

            test($(Button.class, test(dayGrid()).getCellComponent(0, 5)).withText("").single()).click(); // history
            @SuppressWarnings("unchecked")
            var history = test((Grid<org.clinic.appointment.AppointmentHistoryEntry>) $(Grid.class)
                    .id("appointment-history"));
            assertThat(history.size()).isEqualTo(2);
            assertThat(history.getRow(1).to()).isEqualTo(AppointmentStatus.NO_SHOW);
            assertThat(history.getRow(1).actor()).isEqualTo("grace");
        } finally {
            clock.reset();
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void inactive_patients_are_not_offered_in_the_booking_picker() {
        var people = clinic.patients(2);
        patients.deactivate(people.get(1));
        String activeMrn = patients.reference(people.get(0)).mrn();
        String inactiveMrn = patients.reference(people.get(1)).mrn();
        navigate(BookAppointmentView.class);

        var picker = test((ComboBox<PatientSummary>) $(ComboBox.class).id("booking-patient"));
        picker.setFilter(activeMrn);
        assertThat(picker.getSuggestionItems()).extracting(PatientSummary::id).contains(people.get(0));
        picker.setFilter(inactiveMrn);
        assertThat(picker.getSuggestionItems()).extracting(PatientSummary::id).doesNotContain(people.get(1));
    }

    @Test
    void a_day_at_capacity_shows_as_fully_booked_before_a_slot_is_picked() {
        DoctorSummary doctor = clinic.doctor(LocalTime.of(9, 0), LocalTime.of(10, 0), 15, 2);
        var people = clinic.patients(3);
        appointments.book(new BookAppointment(UUID.randomUUID(), people.get(0), doctor.id(), DAY, LocalTime.of(9, 0),
                AppointmentKind.NEW, null));
        appointments.book(new BookAppointment(UUID.randomUUID(), people.get(1), doctor.id(), DAY, LocalTime.of(9, 15),
                AppointmentKind.NEW, null));
        navigate(BookAppointmentView.class);

        choose(doctor, people.get(2));

        assertThat(slotTimes()).isEmpty();
        assertThat($(Div.class).id("booking-slots").getParent().orElseThrow().getElement().getTextRecursively())
                .contains("fully booked on this day (2 patients)").doesNotContain("free slots");

        openDay(doctor);
        assertThat($(com.vaadin.flow.component.html.Span.class).id("timeline-summary").getText())
                .startsWith("Fully booked (2 patients) · no free slots");
        assertThat($(Button.class, $(Div.class).id("timeline")).withText("Book").all()).isEmpty();
    }

    private void openDay(DoctorSummary doctor) {
        com.vaadin.flow.component.UI.getCurrent().navigate("appointments/day/" + doctor.id(),
                com.vaadin.flow.router.QueryParameters.of("date", DAY.toString()));
        assertThat(getCurrentView()).isInstanceOf(DoctorDayView.class);
    }

    @SuppressWarnings("unchecked")
    private void choose(DoctorSummary doctor, UUID patientId) {
        PatientSummary patient = patients.search(patients.reference(patientId).mrn(), 0, 1).getFirst();
        ((ComboBox<PatientSummary>) $(ComboBox.class).id("booking-patient")).setValue(patient);
        Select<org.clinic.doctor.SpecialtySummary> specialty = $(Select.class).id("booking-specialty");
        specialty.setValue(doctor.specialty());
        Select<DoctorSummary> doctorSelect = $(Select.class).id("booking-doctor");
        doctorSelect.setValue(doctor);
        $(DatePicker.class).id("booking-date").setValue(DAY);
    }

    private Button slot(String time) {
        return $(Button.class, $(Div.class).id("booking-slots")).withText(time).single();
    }

    private java.util.List<String> slotTimes() {
        return $(Button.class, $(Div.class).id("booking-slots")).all().stream()
                .filter(b -> !b.hasClassName("clinic-slot-taken")).map(Button::getText).toList();
    }

    @SuppressWarnings("unchecked")
    private Select<DoctorSummary> doctorFilter() {
        return $(Select.class).withCaption("Doctor").single();
    }

    @SuppressWarnings("unchecked")
    private Grid<AppointmentSummary> dayGrid() {
        return $(Grid.class).id("day-appointments");
    }
}
