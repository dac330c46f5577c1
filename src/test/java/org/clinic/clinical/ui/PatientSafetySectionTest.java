package org.clinic.clinical.ui;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import org.clinic.TestClock;
import org.clinic.appointment.AppointmentService;
import org.clinic.clinical.AlertKind;
import org.clinic.clinical.AllergyService;
import org.clinic.clinical.CareAlertService;
import org.clinic.clinical.RecordAlert;
import org.clinic.clinical.RecordAllergy;
import org.clinic.clinical.Severity;
import org.clinic.consultation.ConsultationFixtures;
import org.clinic.doctor.DoctorService;
import org.clinic.doctor.DoctorSummary;
import org.clinic.patient.PatientService;
import org.clinic.queue.QueueService;
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

import java.time.LocalTime;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.clinic.consultation.ConsultationFixtures.as;

/** The record's safety section as a doctor and as reception sees it. */
@SpringBootTest
@WithMockUser(username = "grace", roles = "RECEPTIONIST")
class PatientSafetySectionTest extends SpringBrowserlessTest {

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
    QueueService queue;
    @Autowired
    TestClock clock;

    private DoctorSummary doctor;
    private UUID patient;

    @BeforeEach
    void aPatientWithAnAllergyAndAnInterpreter() {
        var fixtures = new ConsultationFixtures(accounts, doctors, patients, appointments, queue, clock);
        clock.setTimeOfDay(LocalTime.of(8, 0)); // before the 9:00 calls of the queue's display tests
        doctor = fixtures.doctor();
        patient = booked(fixtures);
        as(doctor.staffUsername(), Role.DOCTOR, () -> allergies.record(new RecordAllergy(patient, "Penicillins",
                "Anaphylaxis", Severity.SEVERE)));
        as(doctor.staffUsername(), Role.DOCTOR, () -> alerts.record(new RecordAlert(patient, AlertKind.OTHER,
                "Risk of falls", true)));
        as("grace", Role.RECEPTIONIST, () -> alerts.record(new RecordAlert(patient, AlertKind.INTERPRETER,
                "Portuguese", false)));
    }

    @AfterEach
    void realTime() {
        clock.reset();
    }

    @Test
    void a_doctor_sees_everything_first_and_a_bad_allergy_is_refused_at_its_field() {
        signInAs(doctor.staffUsername(), Role.DOCTOR);
        UI.getCurrent().navigate("patients/" + patient);

        Div section = $(Div.class).id("patient-safety");
        String text = section.getElement().getTextRecursively();
        assertThat(text).contains("Allergy: Penicillins — severe, Anaphylaxis", "Risk of falls",
                "Needs an interpreter: Portuguese", "Problem list");

        test($(Button.class).id("allergy-add")).click();

        TextField substance = $(TextField.class).id("allergy-substance");
        assertThat(substance.isInvalid()).isTrue();
        assertThat(substance.getErrorMessage()).isEqualTo("Name the substance or medicine, e.g. Penicillins");
        assertThat($(Select.class).id("allergy-severity").isInvalid()).isTrue();

        test(substance).setValue("penicillins");
        @SuppressWarnings("unchecked")
        Select<Severity> severity = $(Select.class).id("allergy-severity");
        test(severity).selectItem("Mild");
        test($(Button.class).id("allergy-add")).click();
        assertThat(substance.getErrorMessage()).startsWith("Already recorded as an active allergy: Penicillins");
    }

    @Test
    void reception_sees_non_clinical_alerts_only_and_nothing_of_allergies_or_problems() {
        navigate("patients/" + patient, org.clinic.patient.ui.PatientRecordView.class);

        String text = $(Div.class).id("patient-safety").getElement().getTextRecursively();
        assertThat(text).contains("Needs an interpreter: Portuguese", "visible to doctors only");
        assertThat(text).doesNotContain("Penicillins", "Risk of falls", "Problem list");
        assertThat($(TextField.class).withId("allergy-substance").all()).isEmpty();
    }

    private static void signInAs(String username, Role role) {
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                username, null, List.of(new SimpleGrantedAuthority(role.authority()))));
    }

    /**
     * A patient booked with the doctor today (a care relationship) and not checked in: no one is left waiting in
     * today's queues for the display tests that share this database.
     */
    private int nextSlot;

    private UUID booked(ConsultationFixtures fixtures) {
        UUID id = new org.clinic.appointment.TestClinic(accounts, doctors, patients).patients(1).getFirst();
        as("grace", Role.RECEPTIONIST, () -> appointments.book(new org.clinic.appointment.BookAppointment(
                UUID.randomUUID(), id, doctor.id(), java.time.LocalDate.now(clock), LocalTime.of(8, 15)
                .plusMinutes(15L * nextSlot++),
                org.clinic.appointment.AppointmentKind.NEW, "Check-up")));
        return id;
    }

}
