package org.clinic.appointment;

import org.clinic.base.NotFoundException;
import org.clinic.base.RuleViolation;
import org.clinic.doctor.DoctorService;
import org.clinic.doctor.DoctorSummary;
import org.clinic.patient.PatientReference;
import org.clinic.patient.PatientService;
import org.clinic.security.AsPatient;
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
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Patients booking themselves: the front desk's guarantees, their own record only, and the portal's limits. */
@SpringBootTest
class OnlineBookingTest {

    private static final LocalDate DAY = LocalDate.now().plusDays(5);

    @Autowired
    OnlineBooking online;
    @Autowired
    AppointmentService appointments;
    @Autowired
    AppointmentQueries appointmentQueries;
    @Autowired
    PatientService patients;
    @Autowired
    DoctorService doctors;
    @Autowired
    StaffAccountService accounts;
    @Autowired
    JdbcClient jdbc;

    private DoctorSummary doctor;
    private PatientReference me;
    private PatientReference someoneElse;

    @BeforeEach
    void clinic() {
        TestClinic clinic = new TestClinic(accounts, doctors, patients);
        doctor = clinic.doctor(LocalTime.of(9, 0), LocalTime.of(12, 0), 15, 10);
        List<UUID> two = clinic.patients(2);
        me = SystemAuthentication.runAs(Role.RECEPTIONIST, () -> patients.reference(two.get(0)));
        someoneElse = SystemAuthentication.runAs(Role.RECEPTIONIST, () -> patients.reference(two.get(1)));
    }

    @Test
    void a_patient_books_for_themselves_and_the_front_desk_sees_it_booked_online() {
        AppointmentSummary booked = asMe(() -> online.book(UUID.randomUUID(), doctor.id(), DAY, LocalTime.of(9, 30)));

        assertThat(booked.patientId()).isEqualTo(me.id());
        assertThat(booked.bookedOnline()).isTrue();
        List<AppointmentSummary> desk = SystemAuthentication.runAs(Role.RECEPTIONIST,
                () -> appointmentQueries.dayOf(doctor.id(), DAY));
        assertThat(desk).singleElement().satisfies(a -> assertThat(a.bookedOnline()).isTrue());
        assertThat(SystemAuthentication.runAs(Role.RECEPTIONIST, () -> appointmentQueries.history(booked.id())))
                .singleElement().satisfies(e -> assertThat(e.actor()).isEqualTo(AsPatient.auditName(me.internalId())));
        assertThat(asMe(() -> online.upcoming())).extracting(AppointmentSummary::id).containsExactly(booked.id());
        assertThat(asMe(() -> online.freeSlots(doctor.id(), DAY))).extracting(s -> s.start())
                .doesNotContain(LocalTime.of(9, 30)).contains(LocalTime.of(9, 45));
    }

    @Test
    void the_same_request_twice_books_once() {
        UUID request = UUID.randomUUID();
        AppointmentSummary first = asMe(() -> online.book(request, doctor.id(), DAY, LocalTime.of(10, 0)));
        AppointmentSummary again = asMe(() -> online.book(request, doctor.id(), DAY, LocalTime.of(10, 0)));

        assertThat(again.id()).isEqualTo(first.id());
        assertThat(activeOf(me)).isEqualTo(1);
    }

    @Test
    void a_patient_holds_at_most_the_configured_number_of_upcoming_appointments() {
        int limit = asMe(() -> online.limits()).maxUpcoming();
        for (int i = 0; i < limit; i++) {
            LocalDate day = DAY.plusDays(i);
            asMe(() -> online.book(UUID.randomUUID(), doctor.id(), day, LocalTime.of(9, 0)));
        }

        assertThatThrownBy(() -> asMe(() -> online.book(UUID.randomUUID(), doctor.id(), DAY.plusDays(20),
                LocalTime.of(9, 0)))).isInstanceOf(RuleViolation.class).hasMessageContaining("upcoming appointments");
        assertThat(activeOf(me)).isEqualTo(limit);
    }

    @Test
    void two_tabs_at_the_limit_book_one_appointment_not_two() throws Exception {
        int limit = asMe(() -> online.limits()).maxUpcoming();
        for (int i = 0; i < limit - 1; i++) {
            LocalDate day = DAY.plusDays(i);
            asMe(() -> online.book(UUID.randomUUID(), doctor.id(), day, LocalTime.of(9, 0)));
        }
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            List<Future<Boolean>> tries = new ArrayList<>();
            for (LocalTime time : List.of(LocalTime.of(11, 0), LocalTime.of(11, 30))) {
                tries.add(threads.submit(() -> {
                    start.await();
                    try {
                        asMe(() -> online.book(UUID.randomUUID(), doctor.id(), DAY.plusDays(30), time));
                        return true;
                    } catch (RuleViolation refused) {
                        return false;
                    }
                }));
            }
            start.countDown();
            int booked = 0;
            for (Future<Boolean> t : tries) {
                booked += t.get() ? 1 : 0;
            }
            assertThat(booked).isEqualTo(1);
        } finally {
            threads.shutdownNow();
        }
        assertThat(activeOf(me)).isEqualTo(limit);
    }

    @Test
    void online_booking_closes_before_the_slot_and_the_past_or_far_future_cannot_be_booked() {
        LocalDateTime soon = LocalDateTime.now().plusMinutes(45).truncatedTo(ChronoUnit.MINUTES);
        assertThatThrownBy(() -> asMe(() -> online.book(UUID.randomUUID(), doctor.id(), soon.toLocalDate(),
                soon.toLocalTime()))).isInstanceOf(RuleViolation.class);
        assertThatThrownBy(() -> asMe(() -> online.book(UUID.randomUUID(), doctor.id(), LocalDate.now().minusDays(1),
                LocalTime.of(9, 0)))).isInstanceOf(RuleViolation.class).hasMessageContaining("future");
        assertThatThrownBy(() -> asMe(() -> online.book(UUID.randomUUID(), doctor.id(), LocalDate.now().plusDays(90),
                LocalTime.of(9, 0)))).isInstanceOf(RuleViolation.class).hasMessageContaining("days ahead");
        assertThatThrownBy(() -> asMe(() -> online.book(UUID.randomUUID(), doctor.id(), DAY, LocalTime.of(13, 0))))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("Not a slot");
        assertThat(asMe(() -> online.freeSlots(doctor.id(), LocalDate.now().plusDays(90)))).isEmpty();
        assertThat(activeOf(me)).isZero();
    }

    @Test
    void an_inactive_record_cannot_be_booked_online() {
        SystemAuthentication.runAs(Role.RECEPTIONIST, () -> patients.deactivate(me.id()));

        assertThatThrownBy(() -> asMe(() -> online.book(UUID.randomUUID(), doctor.id(), DAY, LocalTime.of(9, 0))))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("inactive");
        assertThat(activeOf(me)).isZero();
    }

    @Test
    void a_patient_cancels_and_moves_their_own_appointment_but_not_close_to_its_time() {
        AppointmentSummary booked = asMe(() -> online.book(UUID.randomUUID(), doctor.id(), DAY, LocalTime.of(9, 0)));

        AppointmentSummary moved = asMe(() -> online.move(booked.id(), UUID.randomUUID(), doctor.id(), DAY.plusDays(1),
                LocalTime.of(10, 0)));
        assertThat(moved.rescheduledFrom()).isEqualTo(booked.id());
        assertThat(moved.bookedOnline()).isTrue();
        AppointmentSummary cancelled = asMe(() -> online.cancel(moved.id()));
        assertThat(cancelled.status()).isEqualTo(AppointmentStatus.CANCELLED);
        assertThat(activeOf(me)).isZero();

        // The front desk books one for tomorrow morning, inside the 24 hours: the patient can no longer change it.
        LocalDateTime soon = LocalDateTime.now().plusHours(3);
        if (soon.toLocalDate().equals(LocalDate.now())) { // tomorrow's slots are always within 24 hours of 21:00
            return;
        }
        AppointmentSummary tomorrow = SystemAuthentication.runAs(Role.RECEPTIONIST, () -> appointments.book(
                new BookAppointment(UUID.randomUUID(), me.id(), doctor.id(), soon.toLocalDate(), LocalTime.of(9, 0),
                        AppointmentKind.NEW, null)));
        assertThatThrownBy(() -> asMe(() -> online.cancel(tomorrow.id()))).isInstanceOf(RuleViolation.class)
                .hasMessageContaining("please call us");
        assertThat(SystemAuthentication.runAs(Role.RECEPTIONIST, () -> appointmentQueries.get(tomorrow.id())).status())
                .isEqualTo(AppointmentStatus.SCHEDULED);
    }

    @Test
    void another_patients_appointment_is_not_found_and_stays_as_it_was() {
        AppointmentSummary theirs = AsPatient.run(someoneElse.id(), someoneElse.internalId(),
                () -> online.book(UUID.randomUUID(), doctor.id(), DAY, LocalTime.of(11, 0)));

        assertThatThrownBy(() -> asMe(() -> online.cancel(theirs.id()))).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> asMe(() -> online.move(theirs.id(), UUID.randomUUID(), doctor.id(), DAY,
                LocalTime.of(11, 15)))).isInstanceOf(NotFoundException.class);
        assertThat(asMe(() -> online.upcoming())).isEmpty();
        assertThat(SystemAuthentication.runAs(Role.RECEPTIONIST, () -> appointmentQueries.get(theirs.id())).status())
                .isEqualTo(AppointmentStatus.SCHEDULED);
    }

    @Test
    void a_patient_reaches_no_staff_method_and_no_other_record() {
        BookAppointment forSomeoneElse = new BookAppointment(UUID.randomUUID(), someoneElse.id(), doctor.id(), DAY,
                LocalTime.of(9, 0), AppointmentKind.NEW, null);

        assertThatThrownBy(() -> asMe(() -> appointments.book(forSomeoneElse))).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> asMe(() -> appointmentQueries.ofPatient(someoneElse.id())))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> asMe(() -> appointmentQueries.dayOf(doctor.id(), DAY))).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> asMe(() -> patients.get(someoneElse.id()))).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> asMe(() -> patients.reference(someoneElse.id())))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> asMe(() -> patients.contact(someoneElse.id())))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(activeOf(someoneElse)).isZero();
        assertThatThrownBy(() -> SystemAuthentication.runAs(Role.RECEPTIONIST, () -> online.upcoming()))
                .as("staff are not patients").isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void the_first_available_times_come_soonest_first() {
        List<OnlineBooking.OpenSlot> first = asMe(() -> online.firstAvailable(doctor.specialty().id(), 5));

        assertThat(first).hasSize(5);
        assertThat(first).extracting(o -> LocalDateTime.of(o.date(), o.slot().start())).isSorted()
                .allSatisfy(t -> assertThat(t).isAfter(LocalDateTime.now().plusHours(2)));
    }

    @Test
    void reading_ones_own_appointments_is_in_the_access_log_as_the_patient() {
        asMe(() -> online.upcoming());

        assertThat(jdbc.sql("SELECT COUNT(*) FROM patient_access_log WHERE patient_id = ? AND staff_role = 'PATIENT'"
                + " AND staff_username = ?").params(me.internalId(), AsPatient.auditName(me.internalId())).query(Long.class).single())
                .isEqualTo(1);
    }

    private <T> T asMe(Supplier<T> work) {
        return AsPatient.run(me.id(), me.internalId(), work);
    }

    private long activeOf(PatientReference patient) {
        return jdbc.sql("SELECT COUNT(*) FROM appointment WHERE patient_id = ? AND status = 'SCHEDULED'")
                .param(patient.internalId()).query(Long.class).single();
    }
}
