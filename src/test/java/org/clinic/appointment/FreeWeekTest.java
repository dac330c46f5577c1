package org.clinic.appointment;

import org.clinic.base.ClinicDates;
import org.clinic.base.RuleViolation;
import org.clinic.doctor.DoctorService;
import org.clinic.doctor.DoctorSummary;
import org.clinic.doctor.Slot;
import org.clinic.patient.PatientService;
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
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The week strip's counts: the same free slots booking offers, full days full, closed days closed. */
@SpringBootTest
@WithMockUser(username = "grace", roles = "RECEPTIONIST")
class FreeWeekTest {

    private static final LocalDate FROM = LocalDate.now().plusDays(10);

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
    void each_cell_counts_exactly_the_slots_booking_offers_split_at_noon() {
        DoctorSummary busy = clinic.doctor(LocalTime.of(11, 0), LocalTime.of(14, 0), 30, 10);
        DoctorSummary quiet = clinic.doctor(LocalTime.of(9, 0), LocalTime.of(10, 0), 15, 10);
        var people = clinic.patients(3);
        book(people.get(0), busy, FROM, LocalTime.of(11, 0));
        book(people.get(1), busy, FROM, LocalTime.of(13, 30));
        book(people.get(2), quiet, FROM.plusDays(2), LocalTime.of(9, 15));
        SystemAuthentication.runAs(Role.ADMIN, () -> doctors.addLeave(quiet.id(), FROM.plusDays(3), "Course"));

        List<DoctorWeek> week = appointmentQueries.freeWeek(List.of(busy.id(), quiet.id()), FROM, 7);

        assertThat(week).extracting(w -> w.doctor().id()).containsExactly(busy.id(), quiet.id());
        for (DoctorWeek doctorWeek : week) {
            assertThat(doctorWeek.days()).hasSize(7);
            for (FreeDay day : doctorWeek.days()) {
                List<Slot> offered = appointmentQueries.freeSlots(doctorWeek.doctor().id(), day.date());
                assertThat(day.free()).as(day.date().toString()).isEqualTo(offered.size());
                assertThat(day.morning()).isEqualTo(offered.stream().filter(s -> s.start().isBefore(LocalTime.NOON))
                        .count());
            }
        }
        FreeDay busyFirst = week.get(0).days().get(0);
        assertThat(busyFirst.morning()).isEqualTo(1); // 11:30 (11:00 taken)
        assertThat(busyFirst.afternoon()).isEqualTo(3); // 12:00, 12:30, 13:00 (13:30 taken)
        assertThat(week.get(1).days().get(2).free()).isEqualTo(3);
        assertThat(week.get(1).days().get(3).state()).isEqualTo(FreeDay.State.CLOSED);
        assertThat(week.get(1).days().get(3).why()).contains("on leave");
    }

    @Test
    void a_day_at_capacity_is_full_though_slots_are_unbooked() {
        DoctorSummary doctor = clinic.doctor(LocalTime.of(9, 0), LocalTime.of(12, 0), 15, 2);
        var people = clinic.patients(2);
        book(people.get(0), doctor, FROM, LocalTime.of(9, 0));
        book(people.get(1), doctor, FROM, LocalTime.of(10, 0));

        FreeDay day = appointmentQueries.freeWeek(List.of(doctor.id()), FROM, 7).getFirst().days().getFirst();

        assertThat(day.state()).isEqualTo(FreeDay.State.FULL);
        assertThat(day.free()).isZero();
        assertThat(appointmentQueries.freeSlots(doctor.id(), FROM)).isEmpty();
    }

    @Test
    void a_clinic_holiday_is_closed_for_every_doctor() {
        DoctorSummary one = clinic.doctor(LocalTime.of(9, 0), LocalTime.of(12, 0), 15, 10);
        DoctorSummary two = clinic.doctor(LocalTime.of(14, 0), LocalTime.of(16, 0), 20, 10);
        LocalDate holiday = FROM.plusDays(140);
        SystemAuthentication.runAs(Role.ADMIN, () -> doctors.addClinicHoliday(holiday, "Founders' day"));
        try {
            List<DoctorWeek> week = appointmentQueries.freeWeek(List.of(one.id(), two.id()), holiday.minusDays(1), 7);

            for (DoctorWeek doctorWeek : week) {
                FreeDay closed = doctorWeek.days().get(1);
                assertThat(closed.date()).isEqualTo(holiday);
                assertThat(closed.state()).isEqualTo(FreeDay.State.CLOSED);
                assertThat(closed.why()).contains("Founders' day");
                assertThat(doctorWeek.days().get(0).state()).isEqualTo(FreeDay.State.FREE);
            }
        } finally {
            SystemAuthentication.runAs(Role.ADMIN, () -> {
                doctors.removeClinicHoliday(holiday);
                return null;
            });
        }
    }

    @Test
    void refusal_messages_show_dates_as_the_screens_do() {
        DoctorSummary doctor = clinic.doctor(LocalTime.of(9, 0), LocalTime.of(12, 0), 15, 1);
        var people = clinic.patients(2);
        AppointmentSummary first = book(people.get(0), doctor, FROM, LocalTime.of(9, 0));

        assertThatThrownBy(() -> book(people.get(1), doctor, FROM, LocalTime.of(9, 15)))
                .isInstanceOf(CapacityReached.class)
                .hasMessageContaining("is fully booked on " + ClinicDates.date(FROM))
                .hasMessageNotContaining(FROM.toString());

        AppointmentSummary moved = appointments.reschedule(first.id(), UUID.randomUUID(), doctor.id(), FROM.plusDays(1),
                LocalTime.of(9, 45));
        assertThat(appointmentQueries.history(first.id())).last().satisfies(e -> assertThat(e.note())
                .isEqualTo("Rescheduled to " + ClinicDates.date(FROM.plusDays(1)) + " at 09:45"));
        assertThat(ClinicDates.date(LocalDate.of(2026, 12, 2))).isEqualTo("Wed 2 Dec 2026");
        assertThat(moved.start()).isEqualTo(LocalTime.of(9, 45));
    }

    @Test
    void a_week_strip_shows_one_to_thirty_one_days() {
        assertThatThrownBy(() -> appointmentQueries.freeWeek(List.of(), FROM, 0)).isInstanceOf(RuleViolation.class);
        assertThat(appointmentQueries.freeWeek(List.of(), FROM, 7)).isEmpty();
    }

    private AppointmentSummary book(UUID patient, DoctorSummary doctor, LocalDate date, LocalTime start) {
        return appointments.book(new BookAppointment(UUID.randomUUID(), patient, doctor.id(), date, start,
                AppointmentKind.NEW, null));
    }
}
