package org.clinic.appointment;

import org.clinic.base.RuleViolation;
import org.clinic.doctor.DoctorService;
import org.clinic.doctor.DoctorSummary;
import org.clinic.doctor.NewDoctor;
import org.clinic.patient.PatientService;
import org.clinic.security.Role;
import org.clinic.security.SystemAuthentication;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.test.context.support.WithMockUser;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@SpringBootTest
@WithMockUser(username = "grace", roles = "RECEPTIONIST")
class AppointmentServiceTest {

    private static final LocalDate DAY = LocalDate.now().plusDays(5);

    @Autowired
    AppointmentService appointments;
    @Autowired
    AppointmentQueries appointmentQueries;
    @Autowired
    DoctorService doctors;
    @Autowired
    PatientService patients;
    @Autowired
    org.clinic.security.StaffAccountService accounts;
    @Autowired
    org.clinic.doctor.DoctorService doctorService;
    @Autowired
    org.clinic.patient.PatientService patientService;

    private TestClinic clinic;

    @org.junit.jupiter.api.BeforeEach
    void clinic() {
        clinic = new TestClinic(accounts, doctorService, patientService);
    }

    @Test
    void a_booking_is_scheduled_and_its_history_says_who_booked_it() {
        DoctorSummary doctor = clinic.doctor(LocalTime.of(9, 0), LocalTime.of(12, 0), 15, 10);
        UUID patient = clinic.patients(1).getFirst();

        AppointmentSummary booked = book(patient, doctor, DAY, LocalTime.of(9, 30));

        assertThat(booked.status()).isEqualTo(AppointmentStatus.SCHEDULED);
        assertThat(booked.end()).isEqualTo(LocalTime.of(9, 45));
        assertThat(appointmentQueries.history(booked.id())).singleElement().satisfies(e -> {
            assertThat(e.actor()).isEqualTo("grace");
            assertThat(e.to()).isEqualTo(AppointmentStatus.SCHEDULED);
        });
        assertThat(appointmentQueries.freeSlots(doctor.id(), DAY)).extracting(s -> s.start())
                .doesNotContain(LocalTime.of(9, 30)).contains(LocalTime.of(9, 45));
    }

    @Test
    void only_active_patients_future_slots_and_working_hours_can_be_booked() {
        DoctorSummary doctor = clinic.doctor(LocalTime.of(9, 0), LocalTime.of(12, 0), 15, 10);
        UUID patient = clinic.patients(1).getFirst();

        assertThatThrownBy(() -> book(patient, doctor, LocalDate.now().minusDays(1), LocalTime.of(9, 0)))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("future");
        assertThatThrownBy(() -> book(patient, doctor, DAY, LocalTime.of(13, 0)))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("Not a slot");
        assertThatThrownBy(() -> book(patient, doctor, DAY, LocalTime.of(9, 5)))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("Not a slot");
        assertThatThrownBy(() -> book(patient, doctor, LocalDate.now().plusDays(400), LocalTime.of(9, 0)))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("days ahead");

        patients.deactivate(patient);
        assertThatThrownBy(() -> book(patient, doctor, DAY, LocalTime.of(9, 0)))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("inactive");
    }

    @Test
    void a_day_at_capacity_has_no_free_slots_left() {
        DoctorSummary doctor = clinic.doctor(LocalTime.of(9, 0), LocalTime.of(12, 0), 15, 2);
        var people = clinic.patients(2);
        book(people.get(0), doctor, DAY, LocalTime.of(9, 0));
        assertThat(appointmentQueries.capacityReached(doctor.id(), DAY)).isNull();
        assertThat(appointmentQueries.freeSlots(doctor.id(), DAY)).hasSize(11);

        book(people.get(1), doctor, DAY, LocalTime.of(9, 15));

        assertThat(appointmentQueries.freeSlots(doctor.id(), DAY)).isEmpty();
        assertThat(appointmentQueries.capacityReached(doctor.id(), DAY)).isEqualTo(2);
    }

    @Test
    void leave_and_clinic_holidays_close_the_day() {
        DoctorSummary doctor = clinic.doctor(LocalTime.of(9, 0), LocalTime.of(12, 0), 15, 10);
        UUID patient = clinic.patients(1).getFirst();
        SystemAuthentication.runAs(Role.ADMIN, () -> doctors.addLeave(doctor.id(), DAY.plusDays(1), "Conference"));

        assertThatThrownBy(() -> book(patient, doctor, DAY.plusDays(1), LocalTime.of(9, 0)))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("on leave");
        assertThat(appointmentQueries.freeSlots(doctor.id(), DAY.plusDays(1))).isEmpty();
    }

    @Test
    void a_patient_cannot_hold_two_overlapping_appointments() {
        DoctorSummary first = clinic.doctor(LocalTime.of(9, 0), LocalTime.of(12, 0), 30, 10);
        DoctorSummary second = clinic.doctor(LocalTime.of(9, 0), LocalTime.of(12, 0), 20, 10);
        UUID patient = clinic.patients(1).getFirst();
        book(patient, first, DAY, LocalTime.of(10, 0));

        assertThatThrownBy(() -> book(patient, second, DAY, LocalTime.of(10, 20)))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("already has an appointment");
        assertThat(book(patient, second, DAY, LocalTime.of(10, 40)).status()).isEqualTo(AppointmentStatus.SCHEDULED);
    }

    @Test
    void cancelling_frees_the_slot_and_needs_a_reason() {
        DoctorSummary doctor = clinic.doctor(LocalTime.of(9, 0), LocalTime.of(9, 30), 15, 1);
        var people = clinic.patients(2);
        AppointmentSummary booked = book(people.get(0), doctor, DAY, LocalTime.of(9, 0));

        assertThatThrownBy(() -> book(people.get(1), doctor, DAY, LocalTime.of(9, 15)))
                .hasMessageContaining("fully booked");
        assertThatThrownBy(() -> appointments.cancel(booked.id(), "  ")).hasMessageContaining("reason");

        assertThat(appointments.cancel(booked.id(), "Patient called").status()).isEqualTo(AppointmentStatus.CANCELLED);
        assertThat(book(people.get(1), doctor, DAY, LocalTime.of(9, 0)).status()).isEqualTo(AppointmentStatus.SCHEDULED);
        assertThatThrownBy(() -> appointments.cancel(booked.id(), "again")).hasMessageContaining("cancelled");
    }

    @Test
    void rescheduling_moves_the_appointment_and_keeps_a_link_to_the_original() {
        DoctorSummary doctor = clinic.doctor(LocalTime.of(9, 0), LocalTime.of(12, 0), 15, 10);
        UUID patient = clinic.patients(1).getFirst();
        AppointmentSummary original = book(patient, doctor, DAY, LocalTime.of(9, 0));

        AppointmentSummary moved = appointments.reschedule(original.id(), UUID.randomUUID(), doctor.id(),
                DAY.plusDays(1), LocalTime.of(11, 0));

        assertThat(moved.rescheduledFrom()).isEqualTo(original.id());
        assertThat(appointmentQueries.get(original.id()).status()).isEqualTo(AppointmentStatus.CANCELLED);
        assertThat(appointmentQueries.freeSlots(doctor.id(), DAY)).extracting(s -> s.start()).contains(LocalTime.of(9, 0));
        assertThat(appointmentQueries.ofPatient(patient)).hasSize(2);
    }

    @Test
    void a_no_show_can_only_be_recorded_once_the_time_has_passed() {
        DoctorSummary doctor = clinic.doctor(LocalTime.of(9, 0), LocalTime.of(12, 0), 15, 10);
        UUID patient = clinic.patients(1).getFirst();
        AppointmentSummary booked = book(patient, doctor, DAY, LocalTime.of(9, 0));

        assertThatThrownBy(() -> appointments.markNoShow(booked.id())).hasMessageContaining("passed");
    }

    @Test
    void a_doctor_needs_a_capacity_of_at_least_one() {
        var specialty = SystemAuthentication.runAs(Role.ADMIN, () -> doctors.addSpecialty("Dermatology " + UUID.randomUUID().toString().substring(0, 6)));
        assertThatThrownBy(() -> SystemAuthentication.runAs(Role.ADMIN, () -> doctors.addDoctor(new NewDoctor("nobody",
                "Dr Zero", specialty.id(), "zero@example.org", "Z100", "1", 15, 0))))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("at least 1");
    }

    @Test
    @WithMockUser(roles = "DOCTOR")
    void doctors_see_days_but_do_not_book() {
        assertThatThrownBy(() -> appointments.book(new BookAppointment(UUID.randomUUID(), UUID.randomUUID(),
                UUID.randomUUID(), DAY, LocalTime.of(9, 0), AppointmentKind.NEW, null)))
                .isInstanceOf(AccessDeniedException.class);
    }

    private AppointmentSummary book(UUID patient, DoctorSummary doctor, LocalDate date, LocalTime start) {
        return appointments.book(new BookAppointment(UUID.randomUUID(), patient, doctor.id(), date, start,
                AppointmentKind.NEW, "Check-up"));
    }
}
