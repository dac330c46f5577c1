package org.clinic.appointment.ui;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.dom.DomEvent;
import com.vaadin.flow.internal.nodefeature.ElementListenerMap;
import org.clinic.appointment.AppointmentKind;
import org.clinic.appointment.AppointmentQueries;
import org.clinic.appointment.AppointmentService;
import org.clinic.appointment.AppointmentSummary;
import org.clinic.appointment.BookAppointment;
import org.clinic.appointment.TestClinic;
import org.clinic.base.ClinicDates;
import org.clinic.base.ui.DateFields;
import org.clinic.doctor.DoctorService;
import org.clinic.doctor.DoctorSummary;
import org.clinic.doctor.SpecialtySummary;
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
import tools.jackson.databind.node.JsonNodeFactory;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.clinic.base.ui.LiveScreens.awaitLiveUpdate;

/** The booking desk: typed dates, a click during a live redraw, the week strip, the day's counts. */
@SpringBootTest
@WithMockUser(username = "grace", roles = "RECEPTIONIST")
class BookingDeskTest extends SpringBrowserlessTest {

    private static final LocalDate DAY = LocalDate.now().plusDays(6);

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

    private TestClinic clinic;

    @BeforeEach
    void clinic() {
        clinic = new TestClinic(accounts, doctors, patients);
    }

    @Test
    void a_date_typed_as_03_12_2026_is_read_as_the_third_of_december_in_booking() {
        navigate(BookAppointmentView.class);
        DatePicker date = $(DatePicker.class).id("booking-date");

        // The browser reads typed text with the picker's formats; these are the formats it is given.
        List<String> formats = date.getI18n().getDateFormats();
        assertThat(formats).first().isEqualTo(ClinicDates.DATE_PATTERN);
        assertThat(DateFields.read("03/12/2026", formats.getFirst())).contains(LocalDate.of(2026, 12, 3));
        assertThat(date.getHelperText()).contains("DD/MM/YYYY");
        assertThat(date.getPlaceholder()).isEqualTo("DD/MM/YYYY");
    }

    @Test
    void a_date_the_field_cannot_read_is_explained_beside_it_and_nothing_is_booked() {
        DoctorSummary doctor = clinic.doctor(LocalTime.of(9, 0), LocalTime.of(10, 0), 15, 10);
        UUID patient = clinic.patients(1).getFirst();
        navigate(BookAppointmentView.class);
        choose(doctor, patient);
        test(slot("09:15")).click();

        DatePicker date = $(DatePicker.class).id("booking-date");
        typeUnreadable(date, "32/13/2026x");

        assertThat(date.isInvalid()).isTrue();
        assertThat(date.getErrorMessage()).isEqualTo(DateFields.badInputMessage()).contains("DD/MM/YYYY");
        test($(Button.class).id("book")).click();
        assertThat(appointmentQueries.ofPatient(patient)).isEmpty();
    }

    @Test
    void a_click_that_crosses_a_live_redraw_books_the_time_the_person_saw() throws Exception {
        DoctorSummary doctor = clinic.doctor(LocalTime.of(9, 0), LocalTime.of(11, 0), 30, 10);
        var people = clinic.patients(2);
        navigate(BookAppointmentView.class);
        choose(doctor, people.get(0));
        Button seen = slot("10:00"); // rendered, on screen, about to be clicked

        // Another desk books 09:30; the live update redraws the picker before the click arrives.
        bookElsewhere(people.get(1), doctor, LocalTime.of(9, 30));
        awaitLiveUpdate(() -> freeTimes().equals(List.of("09:00", "10:00", "10:30")));
        test(seen).click();

        Button book = $(Button.class).id("book");
        assertThat(book.getText()).isEqualTo("Book 10:00 on " + ClinicDates.date(DAY));
        test(book).click();

        AppointmentSummary booked = appointmentQueries.ofPatient(people.get(0)).getFirst();
        assertThat(booked.start()).isEqualTo(LocalTime.of(10, 0));
        assertThat(lastNotification()).endsWith("on " + ClinicDates.date(DAY) + " at 10:00");
    }

    @Test
    void a_click_on_a_time_taken_during_the_redraw_is_refused_and_never_becomes_another_time() throws Exception {
        DoctorSummary doctor = clinic.doctor(LocalTime.of(9, 0), LocalTime.of(11, 0), 30, 10);
        var people = clinic.patients(2);
        navigate(BookAppointmentView.class);
        choose(doctor, people.get(0));
        Button seen = slot("10:00");

        bookElsewhere(people.get(1), doctor, LocalTime.of(10, 0));
        awaitLiveUpdate(() -> !freeTimes().contains("10:00"));
        test(seen).click();

        assertThat(lastNotification()).startsWith("10:00 is not free any more");
        assertThat($(Button.class).id("book").getText()).isEqualTo("Book");
        test($(Button.class).id("book")).click();
        assertThat(appointmentQueries.ofPatient(people.get(0))).isEmpty();
    }

    @Test
    void a_chosen_time_booked_at_another_desk_is_dropped_with_a_word() throws Exception {
        DoctorSummary doctor = clinic.doctor(LocalTime.of(9, 0), LocalTime.of(11, 0), 30, 10);
        var people = clinic.patients(2);
        navigate(BookAppointmentView.class);
        choose(doctor, people.get(0));
        test(slot("10:00")).click();

        bookElsewhere(people.get(1), doctor, LocalTime.of(10, 0));
        awaitLiveUpdate(() -> !freeTimes().contains("10:00"));

        assertThat(lastNotification()).contains("(10:00) was just booked at another desk");
        assertThat($(Button.class).id("book").getText()).isEqualTo("Book");
    }

    @Test
    void the_week_strip_counts_what_booking_offers_and_a_cell_chooses_doctor_and_day() {
        DoctorSummary doctor = clinic.doctor(LocalTime.of(9, 0), LocalTime.of(13, 0), 30, 3);
        var people = clinic.patients(4);
        for (int i = 0; i < 3; i++) { // the first day at capacity
            bookElsewhere(people.get(i), doctor, LocalTime.of(9, 0).plusMinutes(30L * i));
        }
        bookElsewhere(people.get(3), doctor, DAY.plusDays(1), LocalTime.of(12, 0));
        navigate(BookAppointmentView.class);
        choose(doctor, people.get(3));

        assertThat(cell(doctor, DAY).getText()).isEqualTo("Full");
        Button next = cell(doctor, DAY.plusDays(1));
        assertThat(next.getElement().getTextRecursively()).isEqualTo("7" + "6 · 1");
        assertThat(appointmentQueries.freeSlots(doctor.id(), DAY.plusDays(1))).hasSize(7);

        test(next).click();
        assertThat($(DatePicker.class).id("booking-date").getValue()).isEqualTo(DAY.plusDays(1));
        assertThat(freeTimes()).hasSize(7).doesNotContain("12:00");
        assertThat(cell(doctor, DAY.plusDays(1)).hasClassName("clinic-week-chosen")).isTrue();

        test($(Button.class).id("week-next")).click();
        assertThat(cell(doctor, DAY.plusDays(7)).getElement().getTextRecursively()).isEqualTo("8" + "6 · 2");
    }

    @Test
    void the_week_strip_follows_a_colleagues_booking_live() throws Exception {
        String specialty = "Dermatology " + UUID.randomUUID().toString().substring(0, 6);
        DoctorSummary shown = clinic.doctor(specialty, LocalTime.of(9, 0), LocalTime.of(10, 0), 30, 10);
        DoctorSummary colleague = clinic.doctor(specialty, LocalTime.of(9, 0), LocalTime.of(10, 0), 30, 10);
        var people = clinic.patients(2);
        navigate(BookAppointmentView.class);
        choose(shown, people.get(0));
        assertThat(cell(colleague, DAY.plusDays(2)).getElement().getTextRecursively()).isEqualTo("2" + "2 · 0");

        bookElsewhere(people.get(1), colleague, DAY.plusDays(2), LocalTime.of(9, 30));

        awaitLiveUpdate(() -> cell(colleague, DAY.plusDays(2)).getElement().getTextRecursively()
                .equals("1" + "1 · 0"));
    }

    @Test
    void the_day_list_counts_completed_and_cancelled_apart_from_those_to_come() {
        DoctorSummary doctor = clinic.doctor(LocalTime.of(9, 0), LocalTime.of(10, 0), 15, 10);
        var people = clinic.patients(3);
        bookElsewhere(people.get(0), doctor, LocalTime.of(9, 0));
        AppointmentSummary cancelled = bookElsewhere(people.get(1), doctor, LocalTime.of(9, 15));
        bookElsewhere(people.get(2), doctor, LocalTime.of(9, 30));
        appointments.cancel(cancelled.id(), "Travelling");
        navigate(DayAppointmentsView.class);
        test($(DatePicker.class).id("day")).setValue(DAY);
        @SuppressWarnings("unchecked")
        Select<DoctorSummary> filter = $(Select.class).withCaption("Doctor").single();
        test(filter).selectItem(doctor.displayName());

        assertThat($(Span.class).id("appointment-counts").getText()).isEqualTo("3 shown · 2 to come · 1 cancelled");
    }

    private static void typeUnreadable(DatePicker date, String typed) {
        // What the browser does when the text cannot be read: it keeps the text, empties the value and says so.
        date.getElement().setProperty("_inputElementValue", typed);
        date.getElement().getNode().getFeature(ElementListenerMap.class).fireEvent(
                new DomEvent(date.getElement(), "unparsable-change", JsonNodeFactory.instance.objectNode()));
    }

    private AppointmentSummary bookElsewhere(UUID patient, DoctorSummary doctor, LocalTime start) {
        return bookElsewhere(patient, doctor, DAY, start);
    }

    private AppointmentSummary bookElsewhere(UUID patient, DoctorSummary doctor, LocalDate date, LocalTime start) {
        return SystemAuthentication.runAs(Role.RECEPTIONIST, () -> appointments.book(new BookAppointment(
                UUID.randomUUID(), patient, doctor.id(), date, start, AppointmentKind.NEW, null)));
    }

    @SuppressWarnings("unchecked")
    private void choose(DoctorSummary doctor, UUID patientId) {
        PatientSummary patient = patients.search(patients.reference(patientId).mrn(), 0, 1).getFirst();
        ((ComboBox<PatientSummary>) $(ComboBox.class).id("booking-patient")).setValue(patient);
        Select<SpecialtySummary> specialty = $(Select.class).id("booking-specialty");
        specialty.setValue(doctor.specialty());
        Select<DoctorSummary> doctorSelect = $(Select.class).id("booking-doctor");
        doctorSelect.setValue(doctor);
        $(DatePicker.class).id("booking-date").setValue(DAY);
    }

    private Button slot(String time) {
        return $(Button.class, $(Div.class).id("booking-slots")).withText(time).single();
    }

    private List<String> freeTimes() {
        return $(Button.class, $(Div.class).id("booking-slots")).all().stream()
                .filter(b -> !b.hasClassName("clinic-slot-taken")).map(Button::getText).toList();
    }

    private Button cell(DoctorSummary doctor, LocalDate date) {
        return $(Button.class, $(Div.class).id("week-strip")).all().stream()
                .filter(b -> doctor.id().toString().equals(b.getElement().getAttribute("data-doctor"))
                        && date.toString().equals(b.getElement().getAttribute("data-date")))
                .findFirst().orElseThrow();
    }

    private String lastNotification() {
        List<Notification> shown = $(Notification.class).all();
        return test(shown.getLast()).getText();
    }
}
