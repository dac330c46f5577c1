package org.clinic.consultation;

import org.clinic.TestClock;
import org.clinic.appointment.TestClinic;
import org.clinic.doctor.DoctorService;
import org.clinic.doctor.DoctorSummary;
import org.clinic.patient.PatientService;
import org.clinic.security.ActingAs;
import org.clinic.security.Role;
import org.clinic.security.StaffAccountService;
import org.clinic.security.SystemAuthentication;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

@SpringBootTest
class CurrentMedicationsTest {

    @Autowired
    CurrentMedications medications;
    @Autowired
    ConsultationService consultations;
    @Autowired
    StaffAccountService accounts;
    @Autowired
    DoctorService doctors;
    @Autowired
    PatientService patients;
    @Autowired
    TestClock clock;
    @Autowired
    JdbcClient jdbc;

    private DoctorSummary doctor;
    private DoctorSummary colleague;
    private UUID patient;
    private LocalDate today;

    @BeforeEach
    void a_patient_with_prescriptions_over_the_last_months() {
        TestClinic clinic = new TestClinic(accounts, doctors, patients);
        doctor = clinic.doctor(java.time.LocalTime.of(8, 0), java.time.LocalTime.of(18, 0), 15, 40);
        colleague = clinic.doctor(java.time.LocalTime.of(8, 0), java.time.LocalTime.of(18, 0), 15, 40);
        patient = clinic.patients(1).getFirst();
        today = LocalDate.now(clock);
        visit(colleague, 100, line("Omeprazole", "20 mg", "ongoing"));
        visit(colleague, 40, line("Metformin", "500 mg", "long term"), line("Amoxicillin", "500 mg", "7 days"));
        visit(doctor, 10, line("Salbutamol inhaler", "100 micrograms", "3/12"));
        visit(doctor, 5, line("Amoxicillin", "250 mg", "2 weeks"));
        visit(doctor, 3, line("Ibuprofen", "400 mg", "5 days"), line("Cetirizine", "10 mg", "1 day"));
    }

    @Test
    void current_medications_are_those_whose_course_has_not_run_out_newest_first_with_who_prescribed_them() {
        List<CurrentMedication> current = asDoctor(() -> medications.of(patient));

        assertThat(current).extracting(CurrentMedication::medicine, CurrentMedication::strength,
                        CurrentMedication::prescribedBy, m -> m.course().from(), m -> m.course().assumed())
                .containsExactly(
                        tuple("Ibuprofen", "400 mg", doctor.displayName(), today.minusDays(3), false),
                        tuple("Amoxicillin", "250 mg", doctor.displayName(), today.minusDays(5), false),
                        tuple("Salbutamol inhaler", "100 micrograms", doctor.displayName(), today.minusDays(10),
                                false),
                        tuple("Metformin", "500 mg", colleague.displayName(), today.minusDays(40), true));
        assertThat(current.getFirst().course().lastDay()).isEqualTo(today.plusDays(1));
        assertThat(current.get(3).course().lastDay()).isEqualTo(today.minusDays(40).plusDays(89));
    }

    @Test
    void only_doctors_read_them_and_every_read_is_logged() {
        assertThatThrownBy(() -> ActingAs.as("grace", Role.RECEPTIONIST, () -> medications.of(patient)))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> ActingAs.as("boss", Role.ADMIN, () -> medications.of(patient)))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(logged()).isZero();

        asDoctor(() -> medications.of(patient));
        asDoctor(() -> medications.of(patient));

        assertThat(jdbc.sql("SELECT staff_username, what FROM patient_access_log WHERE patient_public_id = :p")
                .param("p", patient.toString())
                .query((rs, n) -> rs.getString(1) + " " + rs.getString(2)).list())
                .containsExactly(doctor.staffUsername() + " CONSULTATION", doctor.staffUsername() + " CONSULTATION");
    }

    private long logged() {
        return jdbc.sql("SELECT COUNT(*) FROM patient_access_log WHERE patient_public_id = :p")
                .param("p", patient.toString()).query(Long.class).single();
    }

    private void visit(DoctorSummary by, int daysAgo, PrescriptionLine... lines) {
        ConsultationContent content = new ConsultationContent(Vitals.NONE, "Review", null, null, "Review", null,
                List.of(lines), null, null, null);
        SystemAuthentication.runAs(Role.ADMIN, () -> consultations.recordPastVisit(new PastVisit(patient, by.id(),
                today.minusDays(daysAgo).atTime(10, 0), content)));
    }

    private static PrescriptionLine line(String medicine, String strength, String duration) {
        return new PrescriptionLine(medicine, strength, "1 tablet", "once a day", duration, null);
    }

    private <T> T asDoctor(java.util.function.Supplier<T> work) {
        return ActingAs.as(doctor.staffUsername(), Role.DOCTOR, work);
    }
}
