package org.clinic.doctor;

import org.clinic.appointment.TestClinic;
import org.clinic.base.RuleViolation;
import org.clinic.patient.PatientService;
import org.clinic.security.CreateStaffAccount;
import org.clinic.security.Role;
import org.clinic.security.StaffAccountService;
import org.clinic.security.SystemAuthentication;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.test.context.support.WithMockUser;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@SpringBootTest
@WithMockUser(username = "boss", roles = "ADMIN")
class DoctorServiceTest {

    /** Far enough ahead that nobody else's bookings land on it; a clinic holiday closes the day for every doctor. */
    static LocalDate someFutureDate() {
        return LocalDate.now().plusYears(30).plusDays(ThreadLocalRandom.current().nextInt(20_000));
    }

    @Autowired
    DoctorService doctors;
    @Autowired
    StaffAccountService accounts;
    @Autowired
    PatientService patients;
    @Autowired
    ScheduleStore store;

    private TestClinic clinic;
    private DoctorSummary doctor;

    @BeforeEach
    void a_doctor() {
        clinic = new TestClinic(accounts, doctors, patients);
        doctor = clinic.doctor(LocalTime.of(9, 0), LocalTime.of(12, 0), 15, 10);
    }

    @Test
    @WithMockUser(username = "grace", roles = "RECEPTIONIST")
    void receptionists_read_working_time_but_change_none_of_it() {
        assertThat(doctors.weeklySessions(doctor.id())).hasSize(7);
        assertThatThrownBy(() -> doctors.addLeave(doctor.id(), LocalDate.now().plusDays(2), "Conference"))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> doctors.addClinicHoliday(someFutureDate(), "Founders' day"))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> doctors.setWeeklySessions(doctor.id(), List.of()))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> doctors.allDoctors()).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> doctors.mySchedule()).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    @WithMockUser(username = "some.doctor", roles = "DOCTOR")
    void doctors_change_nothing_either() {
        assertThatThrownBy(() -> doctors.addLeave(doctor.id(), LocalDate.now().plusDays(2), null))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> doctors.updateDoctor(doctor.id(), 0, changes(doctor.email(), 10)))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> doctors.renameSpecialty(doctor.specialty().id(), "Anything"))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(doctors.mySchedule()).isEmpty(); // this account is linked to no doctor
    }

    @Test
    void a_doctor_reads_their_own_schedule_only() {
        LocalDate leave = LocalDate.now().plusDays(40);
        doctors.addLeave(doctor.id(), leave, "Conference");

        var mine = SystemAuthentication.runAs(Role.ADMIN, () -> doctors.doctorRecord(doctor.id()));
        var schedule = asDoctor(doctor.staffUsername(), () -> doctors.mySchedule()).orElseThrow();

        assertThat(schedule.doctor()).isEqualTo(mine);
        assertThat(schedule.week()).hasSize(7);
        assertThat(schedule.upcoming()).singleElement().satisfies(e -> {
            assertThat(e.date()).isEqualTo(leave);
            assertThat(e.kind()).isEqualTo(DateException.Kind.LEAVE);
            assertThat(e.note()).isEqualTo("Conference");
        });
    }

    @Test
    void leave_in_the_past_or_twice_on_a_date_is_refused() {
        assertThatThrownBy(() -> doctors.addLeave(doctor.id(), LocalDate.now().minusDays(1), null))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("passed")
                .extracting(e -> ((RuleViolation) e).field()).isEqualTo("date");
        LocalDate day = LocalDate.now().plusDays(20);
        doctors.addLeave(doctor.id(), day, null);
        assertThatThrownBy(() -> doctors.addLeave(doctor.id(), day, "again"))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("already on leave");
        assertThat(doctors.daySchedule(doctor.id(), day).isOpen()).isFalse();
    }

    @Test
    void the_database_itself_allows_one_leave_per_doctor_and_date() {
        LocalDate day = LocalDate.now().plusDays(21);
        store.addLeave(doctor.internalId(), day, null);
        assertThatThrownBy(() -> store.addLeave(doctor.internalId(), day, null))
                .isInstanceOf(DataIntegrityViolationException.class);
    }

    @Test
    void an_extra_session_may_not_overlap_the_week_another_extra_or_leave() {
        LocalDate day = LocalDate.now().plusDays(22);
        assertThatThrownBy(() -> doctors.addExtraSession(doctor.id(), day, LocalTime.of(11, 0), LocalTime.of(13, 0),
                null)).isInstanceOf(RuleViolation.class).hasMessageContaining("weekly session 09:00–12:00");

        doctors.addExtraSession(doctor.id(), day, LocalTime.of(13, 0), LocalTime.of(15, 0), "Catch-up clinic");
        assertThatThrownBy(() -> doctors.addExtraSession(doctor.id(), day, LocalTime.of(14, 30), LocalTime.of(16, 0),
                null)).isInstanceOf(RuleViolation.class).hasMessageContaining("extra session 13:00–15:00");
        assertThatThrownBy(() -> doctors.addExtraSession(doctor.id(), day, LocalTime.of(17, 0), LocalTime.of(16, 0),
                null)).isInstanceOf(RuleViolation.class).extracting(e -> ((RuleViolation) e).field()).isEqualTo("end");
        assertThatThrownBy(() -> doctors.addLeave(doctor.id(), day, null))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("extra session");
        assertThat(doctors.daySchedule(doctor.id(), day).sessions()).hasSize(2);

        LocalDate leave = day.plusDays(1);
        doctors.addLeave(doctor.id(), leave, null);
        assertThatThrownBy(() -> doctors.addExtraSession(doctor.id(), leave, LocalTime.of(13, 0), LocalTime.of(14, 0),
                null)).isInstanceOf(RuleViolation.class).hasMessageContaining("on leave");
    }

    @Test
    void removing_an_extra_session_gives_the_day_back_its_week() {
        LocalDate day = LocalDate.now().plusDays(23);
        doctors.addExtraSession(doctor.id(), day, LocalTime.of(13, 0), LocalTime.of(14, 0), null);
        DateException extra = doctors.upcomingDateExceptions(doctor.id()).getFirst();

        doctors.removeDateException(doctor.id(), extra.id());

        assertThat(doctors.upcomingDateExceptions(doctor.id())).isEmpty();
        assertThat(doctors.daySchedule(doctor.id(), day).sessions()).hasSize(1);
        assertThatThrownBy(() -> doctors.removeDateException(doctor.id(), extra.id()))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("already removed");
    }

    @Test
    void weekly_sessions_may_not_overlap_in_a_day_nor_an_upcoming_extra_session() {
        assertThatThrownBy(() -> doctors.setWeeklySessions(doctor.id(), List.of(
                new WorkingSession(DayOfWeek.MONDAY, LocalTime.of(9, 0), LocalTime.of(12, 0)),
                new WorkingSession(DayOfWeek.MONDAY, LocalTime.of(11, 30), LocalTime.of(14, 0)))))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("Monday overlap");
        assertThatThrownBy(() -> doctors.setWeeklySessions(doctor.id(), List.of( // inside a long one, past a short one
                new WorkingSession(DayOfWeek.TUESDAY, LocalTime.of(8, 0), LocalTime.of(17, 0)),
                new WorkingSession(DayOfWeek.TUESDAY, LocalTime.of(9, 0), LocalTime.of(10, 0)),
                new WorkingSession(DayOfWeek.TUESDAY, LocalTime.of(10, 0), LocalTime.of(11, 0)))))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("Tuesday overlap");
        assertThat(doctors.weeklySessions(doctor.id())).hasSize(7);

        LocalDate day = LocalDate.now().plusDays(24);
        doctors.addExtraSession(doctor.id(), day, LocalTime.of(14, 0), LocalTime.of(15, 0), null);
        assertThatThrownBy(() -> doctors.setWeeklySessions(doctor.id(), List.of(
                new WorkingSession(day.getDayOfWeek(), LocalTime.of(9, 0), LocalTime.of(17, 0)))))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("extra session");
    }

    @Test
    void a_clinic_holiday_is_refused_in_the_past_and_twice_on_a_date() {
        LocalDate day = someFutureDate();
        doctors.addClinicHoliday(day, "Founders' day");

        assertThatThrownBy(() -> doctors.addClinicHoliday(day, "Another"))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("already a clinic holiday (Founders' day)");
        assertThatThrownBy(() -> doctors.addClinicHoliday(LocalDate.now().minusDays(3), "Too late"))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("passed");
        assertThat(doctors.upcomingClinicHolidays()).contains(new ClinicHoliday(day, "Founders' day"));
        assertThat(doctors.daySchedule(doctor.id(), day).closedWhy()).contains("Founders' day");
        assertThatThrownBy(() -> doctors.addExtraSession(doctor.id(), day, LocalTime.of(13, 0), LocalTime.of(14, 0),
                null)).isInstanceOf(RuleViolation.class).hasMessageContaining("clinic is closed");

        doctors.removeClinicHoliday(day);
        assertThat(doctors.upcomingClinicHolidays()).doesNotContain(new ClinicHoliday(day, "Founders' day"));
    }

    @Test
    void details_are_updated_with_a_version_check_and_the_same_rules_as_adding() {
        DoctorRecord before = doctors.doctorRecord(doctor.id());
        DoctorRecord after = doctors.updateDoctor(doctor.id(), before.version(), changes("  New.Address@Clinic.Example.org ", 25));

        assertThat(after.email()).isEqualTo("new.address@clinic.example.org");
        assertThat(after.dailyCapacity()).isEqualTo(25);
        assertThat(doctors.doctor(doctor.id()).dailyCapacity()).isEqualTo(25); // the cache was dropped
        assertThatThrownBy(() -> doctors.updateDoctor(doctor.id(), before.version(), changes("x@clinic.example.org", 5)))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("Someone else changed");

        DoctorSummary other = clinic.doctor(LocalTime.of(9, 0), LocalTime.of(10, 0), 15, 10);
        assertThatThrownBy(() -> doctors.updateDoctor(doctor.id(), after.version(), changes(other.email(), 0)))
                .isInstanceOf(RuleViolation.class)
                .satisfies(e -> assertThat(((RuleViolation) e).problems()).extracting(RuleViolation.Problem::field)
                        .containsExactlyInAnyOrder("email", "dailyCapacity"));
    }

    @Test
    void an_inactive_doctor_offers_no_slots_and_leaves_the_booking_list() {
        doctors.deactivateDoctor(doctor.id());
        assertThat(doctors.daySchedule(doctor.id(), LocalDate.now().plusDays(2)).isOpen()).isFalse();
        assertThat(doctors.doctors()).extracting(DoctorSummary::id).doesNotContain(doctor.id());
        assertThat(doctors.allDoctors()).extracting(DoctorRecord::id).contains(doctor.id());

        doctors.reactivateDoctor(doctor.id());
        assertThat(doctors.daySchedule(doctor.id(), LocalDate.now().plusDays(2)).isOpen()).isTrue();
    }

    @Test
    void specialties_are_renamed_counted_and_removed_only_when_unused() {
        String name = "Speciality " + ThreadLocalRandom.current().nextInt(1_000_000);
        SpecialtySummary added = doctors.addSpecialty(name);
        assertThatThrownBy(() -> doctors.addSpecialty(name.toLowerCase()))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("already exists");
        assertThatThrownBy(() -> doctors.renameSpecialty(added.id(), "General practice"))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("already exists");
        SpecialtySummary renamed = doctors.renameSpecialty(added.id(), name + " (renamed)");
        assertThat(renamed.name()).isEqualTo(name + " (renamed)");
        assertThat(doctors.specialtyUsage()).contains(new SpecialtyUsage(renamed, 0));
        assertThat(doctors.specialtyUsage()).filteredOn(u -> u.specialty().equals(doctor.specialty()))
                .singleElement().satisfies(u -> assertThat(u.doctors()).isPositive());
        assertThatThrownBy(() -> doctors.removeSpecialty(doctor.specialty().id()))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("still has doctors");
        doctors.removeSpecialty(renamed.id());
        assertThat(doctors.specialties()).doesNotContain(renamed);
    }

    @Test
    void only_an_unlinked_doctor_account_can_become_a_doctor() {
        String username = "recep" + ThreadLocalRandom.current().nextInt(1_000_000);
        accounts.create(new CreateStaffAccount(username, "Not A Doctor", "long-enough-password", Role.RECEPTIONIST));
        assertThat(doctors.unlinkedDoctorAccounts()).extracting(a -> a.username())
                .doesNotContain(username, doctor.staffUsername());
        assertThatThrownBy(() -> doctors.addDoctor(new NewDoctor(username, "Not A Doctor", doctor.specialty().id(),
                username + "@clinic.example.org", "REG" + username, "Z", 15, 10)))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("Only a Doctor account");
    }

    private DoctorChanges changes(String email, int capacity) {
        return new DoctorChanges(doctor.displayName(), doctor.specialty().id(), email, doctor.registrationNumber(),
                doctor.room(), 15, capacity);
    }

    private static <T> T asDoctor(String username, java.util.function.Supplier<T> work) {
        return org.clinic.security.ActingAs.as(username, Role.DOCTOR, work);
    }
}
