package org.clinic.queue.ui;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import org.clinic.TestClock;
import org.clinic.appointment.AppointmentKind;
import org.clinic.appointment.AppointmentQueries;
import org.clinic.appointment.AppointmentService;
import org.clinic.appointment.AppointmentStatus;
import org.clinic.appointment.AppointmentSummary;
import org.clinic.appointment.BookAppointment;
import org.clinic.appointment.TestClinic;
import org.clinic.appointment.ui.BookAppointmentView;
import org.clinic.clinical.AlertKind;
import org.clinic.clinical.AllergyService;
import org.clinic.clinical.CareAlertService;
import org.clinic.clinical.RecordAlert;
import org.clinic.clinical.RecordAllergy;
import org.clinic.clinical.Severity;
import org.clinic.doctor.DoctorService;
import org.clinic.doctor.DoctorSummary;
import org.clinic.patient.PatientService;
import org.clinic.patient.PatientSummary;
import org.clinic.patient.ui.PatientRecordView;
import org.clinic.security.Role;
import org.clinic.security.StaffAccountService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.test.context.support.WithMockUser;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.clinic.consultation.ConsultationFixtures.as;

/** The strip at the top of the patient record: next appointment, the desk's actions, alerts; per role. */
@SpringBootTest
@WithMockUser(username = "grace", roles = "RECEPTIONIST")
class PatientRecordStripTest extends SpringBrowserlessTest {

    @Autowired
    AllergyService allergies;
    @Autowired
    CareAlertService alerts;
    @Autowired
    StaffAccountService accounts;
    @Autowired
    DoctorService doctors;
    @Autowired
    PatientService patients;
    @Autowired
    AppointmentService appointments;
    @Autowired
    AppointmentQueries appointmentQueries;
    @Autowired
    TestClock clock;

    private DoctorSummary doctor;
    private UUID patient;

    @BeforeEach
    void aPatientWithAnAllergyAndAnInterpreter() {
        clock.setTimeOfDay(LocalTime.of(8, 0));
        TestClinic clinic = new TestClinic(accounts, doctors, patients);
        doctor = clinic.doctor(LocalTime.of(8, 0), LocalTime.of(18, 0), 15, 40);
        patient = clinic.patients(1).getFirst();
        as(doctor.staffUsername(), Role.DOCTOR, () -> allergies.record(new RecordAllergy(patient, "Penicillins",
                "Anaphylaxis", Severity.SEVERE)));
        as("grace", Role.RECEPTIONIST, () -> alerts.record(new RecordAlert(patient, AlertKind.INTERPRETER,
                "Portuguese", false)));
    }

    @AfterEach
    void realTime() {
        clock.reset();
    }

    @Test
    void reception_sees_the_next_appointment_checks_the_patient_in_from_the_strip_and_no_allergies() {
        AppointmentSummary booked = book(LocalTime.of(8, 30));
        open();

        assertThat($(Span.class).id("next-appointment").getText())
                .isEqualTo(booked.date().format(java.time.format.DateTimeFormatter.ofPattern("EEE d MMM yyyy",
                        java.util.Locale.ENGLISH)) + ", 08:30 · " + doctor.displayName() + " · "
                        + doctor.specialty().name());
        String alertsText = $(Div.class).id("strip-alerts").getElement().getTextRecursively();
        assertThat(alertsText).contains("Needs an interpreter").doesNotContain("Penicillins", "Allerg");

        test($(Button.class).id("strip-check-in")).click();

        assertThat(appointmentQueries.get(booked.id()).status()).isEqualTo(AppointmentStatus.CHECKED_IN);
        assertThat($(Button.class).withId("strip-check-in").all()).as("checked in once: no second button").isEmpty();
        assertThat($(Span.class).id("next-appointment").getText()).endsWith("· checked in");
    }

    @Test
    void before_the_early_arrival_window_the_strip_says_when_check_in_opens() {
        book(LocalTime.of(11, 0)); // early arrival is 2 h: opens at 09:00, the clock says 08:00

        assertThat(openAndFind("strip-check-in-from").getText()).isEqualTo("Check in from 09:00");
        assertThat($(Button.class).withId("strip-check-in").all()).isEmpty();
    }

    @Test
    void book_opens_the_booking_screen_with_the_patient_chosen_and_add_to_queue_a_walk_in_for_them() {
        open();
        assertThat($(Span.class).id("next-appointment").getText()).isEqualTo("None booked");

        test($(Button.class).id("strip-walk-in")).click();
        @SuppressWarnings("unchecked")
        ComboBox<PatientSummary> chosen = $(ComboBox.class).id("walk-in-patient");
        assertThat(chosen.getValue().id()).isEqualTo(patient);

        test($(Button.class).id("strip-book")).click();
        assertThat(getCurrentView()).isInstanceOf(BookAppointmentView.class);
        @SuppressWarnings("unchecked")
        ComboBox<PatientSummary> bookingPatient = $(ComboBox.class).id("booking-patient");
        assertThat(bookingPatient.getValue().id()).isEqualTo(patient);
    }

    @Test
    void a_doctor_sees_the_allergies_and_the_next_appointment_but_not_the_desk_actions() {
        book(LocalTime.of(8, 45));
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                doctor.staffUsername(), null, List.of(new SimpleGrantedAuthority(Role.DOCTOR.authority()))));
        UI.getCurrent().navigate("patients/" + patient);

        assertThat($(Div.class).id("strip-alerts").getElement().getTextRecursively())
                .contains("Allergy: Penicillins", "Needs an interpreter");
        assertThat($(Span.class).id("next-appointment").getText()).contains("08:45");
        assertThat($(Button.class).withId("strip-book").all()).isEmpty();
        assertThat($(Button.class).withId("strip-check-in").all()).isEmpty();
        assertThat($(Button.class).withId("strip-walk-in").all()).isEmpty();
    }

    private AppointmentSummary book(LocalTime at) {
        return as("grace", Role.RECEPTIONIST, () -> appointments.book(new BookAppointment(UUID.randomUUID(), patient,
                doctor.id(), LocalDate.now(clock), at, AppointmentKind.NEW, "Check-up")));
    }

    private void open() {
        navigate("patients/" + patient, PatientRecordView.class);
    }

    private Span openAndFind(String id) {
        open();
        return $(Span.class).id(id);
    }
}
