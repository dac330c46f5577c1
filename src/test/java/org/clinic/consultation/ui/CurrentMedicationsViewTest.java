package org.clinic.consultation.ui;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.UI;
import org.clinic.TestClock;
import org.clinic.appointment.AppointmentService;
import org.clinic.consultation.Consultation;
import org.clinic.consultation.ConsultationFixtures;
import org.clinic.consultation.ConsultationService;
import org.clinic.consultation.PrescriptionFixtures;
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

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Current medications where doctors decide: the patient record and the next consultation; never for reception. */
@SpringBootTest
@WithMockUser(username = "grace", roles = "RECEPTIONIST")
class CurrentMedicationsViewTest extends SpringBrowserlessTest {

    @Autowired
    ConsultationService consultations;
    @Autowired
    QueueService queue;
    @Autowired
    AppointmentService appointments;
    @Autowired
    StaffAccountService accounts;
    @Autowired
    DoctorService doctors;
    @Autowired
    PatientService patients;
    @Autowired
    TestClock clock;

    private DoctorSummary doctor;
    private Consultation adult;

    @BeforeEach
    void a_patient_with_a_completed_prescription() {
        clock.setTimeOfDay(LocalTime.of(9, 0));
        doctor = new ConsultationFixtures(accounts, doctors, patients, appointments, queue, clock).doctor();
        adult = new PrescriptionFixtures(consultations, patients, queue).adult(doctor, LocalDate.now(clock));
    }

    @AfterEach
    void realTime() {
        clock.reset();
    }

    @Test
    void the_record_shows_doctors_the_current_medications_and_reception_nothing_of_them() {
        UI.getCurrent().navigate("patients/" + adult.patientId()); // as reception
        assertThat($(CurrentMedicationsPanel.class).all()).isEmpty();

        signInAs(doctor.staffUsername());
        UI.getCurrent().navigate("patients/" + adult.patientId());
        String panel = $(CurrentMedicationsPanel.class).single().getElement().getTextRecursively();
        assertThat(panel).contains("Current medications", "Cefalexin 500 mg", "1 capsule, twice a day", "(7 days)",
                "Amlodipine 5 mg", "ongoing · counted until", doctor.displayName(), "counts for 90 days");
    }

    @Test
    void the_next_consultation_shows_them_compact_above_the_prescription() {
        signInAs(doctor.staffUsername());
        var entry = ConsultationFixtures.as("grace", Role.RECEPTIONIST, () -> queue.walkIn(adult.patientId(),
                doctor.id(), doctor.specialty().id(), org.clinic.queue.Lane.REGULAR, null, "Review again"));
        Consultation started = ConsultationFixtures.as(doctor.staffUsername(), Role.DOCTOR,
                () -> consultations.start(entry.entryId()));
        UI.getCurrent().navigate("consultations/" + started.id());

        CurrentMedicationsPanel panel = $(CurrentMedicationsPanel.class).single();
        assertThat(panel.getClassNames()).contains("clinic-medications-compact");
        assertThat(panel.getElement().getTextRecursively()).contains("Cefalexin 500 mg", "Amlodipine 5 mg");
    }

    private static void signInAs(String username) {
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                username, null, List.of(new SimpleGrantedAuthority(Role.DOCTOR.authority()))));
    }
}
