package org.clinic.portal;

import org.clinic.appointment.AppointmentKind;
import org.clinic.appointment.AppointmentService;
import org.clinic.appointment.BookAppointment;
import org.clinic.appointment.OwnAppointment;
import org.clinic.appointment.OwnAppointments;
import org.clinic.appointment.TestClinic;
import org.clinic.doctor.DoctorService;
import org.clinic.patient.PatientRecord;
import org.clinic.patient.PatientService;
import org.clinic.security.PatientSignInAccounts;
import org.clinic.security.Role;
import org.clinic.security.StaffAccountService;
import org.clinic.security.SystemAuthentication;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The portal home's appointments: the signed-in patient's own upcoming ones only, each read logged as theirs. */
@SpringBootTest
class OwnAppointmentsTest {

    @Autowired
    OwnAppointments own;
    @Autowired
    AppointmentService appointments;
    @Autowired
    PatientService patients;
    @Autowired
    DoctorService doctors;
    @Autowired
    StaffAccountService accounts;
    @Autowired
    PortalSeeding seeding;
    @Autowired
    PatientSignInAccounts signInAccounts;
    @Autowired
    JdbcClient jdbc;

    @Test
    void a_patient_sees_their_own_upcoming_appointments_and_nobody_elses() {
        PortalFixtures fixtures = new PortalFixtures(patients, seeding, signInAccounts, jdbc);
        String email = PortalFixtures.uniqueEmail();
        PatientRecord me = fixtures.withAccount(email);
        PatientRecord someoneElse = fixtures.registered(null);
        var doctor = new TestClinic(accounts, doctors, patients).doctor(LocalTime.of(9, 0), LocalTime.of(12, 0), 15, 10);
        LocalDate day = LocalDate.now().plusDays(3);
        book(me.id(), doctor.id(), day, LocalTime.of(9, 30));
        book(me.id(), doctor.id(), day.plusDays(1), LocalTime.of(9, 0));
        book(someoneElse.id(), doctor.id(), day, LocalTime.of(10, 0));

        List<OwnAppointment> mine = fixtures.asPatient(email, () -> own.upcoming());

        assertThat(mine).extracting(OwnAppointment::date, OwnAppointment::start).containsExactly(
                org.assertj.core.groups.Tuple.tuple(day, LocalTime.of(9, 30)),
                org.assertj.core.groups.Tuple.tuple(day.plusDays(1), LocalTime.of(9, 0)));
        assertThat(mine.getFirst().doctorName()).isEqualTo(doctor.displayName());
        assertThat(jdbc.sql("SELECT COUNT(*) FROM patient_access_log WHERE patient_public_id = :p AND what = 'PORTAL'"
                + " AND staff_role = 'PATIENT'").param("p", me.id().toString()).query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM patient_access_log WHERE patient_public_id = :p")
                .param("p", someoneElse.id().toString()).query(Long.class).single()).isZero();
    }

    @Test
    void staff_are_not_patients() {
        assertThatThrownBy(() -> SystemAuthentication.runAs(Role.RECEPTIONIST, () -> own.upcoming()))
                .isInstanceOf(AccessDeniedException.class);
    }

    private void book(UUID patient, UUID doctor, LocalDate date, LocalTime start) {
        SystemAuthentication.runAs(Role.RECEPTIONIST, () -> appointments.book(new BookAppointment(UUID.randomUUID(),
                patient, doctor, date, start, AppointmentKind.values()[0], null)));
    }
}
