package org.clinic.consultation.ui;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.textfield.TextField;
import org.clinic.TestClock;
import org.clinic.appointment.AppointmentService;
import org.clinic.clinical.AllergyService;
import org.clinic.clinical.RecordAllergy;
import org.clinic.clinical.Severity;
import org.clinic.consultation.Consultation;
import org.clinic.consultation.ConsultationFixtures;
import org.clinic.consultation.ConsultationRecords;
import org.clinic.consultation.ConsultationService;
import org.clinic.consultation.ConsultationStatus;
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

import static org.assertj.core.api.Assertions.assertThat;
import static org.clinic.consultation.ConsultationFixtures.as;

/** The consultation screen with an allergic patient: the strip, the warning at the line, the reason to complete. */
@SpringBootTest
@WithMockUser(username = "grace", roles = "RECEPTIONIST")
class PrescriptionAllergyViewTest extends SpringBrowserlessTest {

    @Autowired
    ConsultationService consultations;
    @Autowired
    ConsultationRecords records;
    @Autowired
    AllergyService allergies;
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
    private Consultation started;

    @BeforeEach
    void anAllergicPatientInTheRoom() {
        var fixtures = new ConsultationFixtures(accounts, doctors, patients, appointments, queue, clock);
        clock.setTimeOfDay(LocalTime.of(8, 0)); // before the 9:00 calls of the queue's display tests
        doctor = fixtures.doctor();
        var arrival = fixtures.checkedIn(doctor, LocalTime.of(8, 15));
        started = as(doctor.staffUsername(), Role.DOCTOR, () -> consultations.start(arrival.entryId()));
        as(doctor.staffUsername(), Role.DOCTOR, () -> allergies.record(new RecordAllergy(arrival.patientId(),
                "Penicillins", "anaphylaxis", Severity.SEVERE)));
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                doctor.staffUsername(), null, List.of(new SimpleGrantedAuthority(Role.DOCTOR.authority()))));
        UI.getCurrent().navigate("consultations/" + started.id());
    }

    @AfterEach
    void realTime() {
        clock.reset();
    }

    @Test
    void the_header_shows_the_allergy_and_a_matching_medicine_warns_at_its_line_until_a_reason_is_given() {
        assertThat($(Div.class).id("safety-strip").getElement().getTextRecursively())
                .contains("Allergy: Penicillins — severe, anaphylaxis");
        assertThat($(Div.class).withId("rx-0-allergy").all()).as("no warning while nothing matches").isEmpty();

        test($(TextField.class).id("chief-complaint")).setValue("Sore throat");
        test($(TextField.class).id("diagnosis")).setValue("Acute tonsillitis");
        test($(TextField.class).id("rx-0-medicine")).setValue("Amoxicillin");

        Div warning = $(Div.class).id("rx-0-allergy");
        assertThat(warning.getElement().getTextRecursively()).contains("Allergy: Penicillins — severe, anaphylaxis");
        test($(TextField.class).id("rx-0-dose")).setValue("1 capsule");
        test($(TextField.class).id("rx-0-frequency")).setValue("three times a day");
        test($(TextField.class).id("rx-0-duration")).setValue("7 days");

        test($(Button.class).id("complete")).click();

        TextField reason = $(TextField.class).id("rx-0-allergyOverride");
        assertThat(reason.isInvalid()).isTrue();
        assertThat(reason.getErrorMessage()).contains("Give the reason to prescribe Amoxicillin anyway");
        assertThat(records.get(started.id()).status()).isEqualTo(ConsultationStatus.DRAFT);

        test(reason).setValue("Rash only, as a child; tolerated since");
        test($(Button.class).id("complete")).click();

        Consultation done = records.get(started.id());
        assertThat(done.status()).isEqualTo(ConsultationStatus.COMPLETED);
        assertThat(done.content().prescription().getFirst().allergyOverride())
                .isEqualTo("Rash only, as a child; tolerated since");

        TextField locked = $(TextField.class).id("rx-0-allergyOverride"); // still shown with the warning, locked
        assertThat(locked.isReadOnly()).isTrue();
        assertThat(locked.getValue()).isEqualTo("Rash only, as a child; tolerated since");
    }
}
