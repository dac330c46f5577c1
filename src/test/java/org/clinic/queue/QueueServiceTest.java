package org.clinic.queue;

import org.clinic.TestClock;
import org.clinic.appointment.AppointmentKind;
import org.clinic.appointment.AppointmentQueries;
import org.clinic.appointment.AppointmentService;
import org.clinic.appointment.AppointmentStatus;
import org.clinic.appointment.AppointmentSummary;
import org.clinic.appointment.BookAppointment;
import org.clinic.appointment.TestClinic;
import org.clinic.base.RuleViolation;
import org.clinic.doctor.DoctorService;
import org.clinic.doctor.DoctorSummary;
import org.clinic.patient.PatientService;
import org.clinic.security.Role;
import org.clinic.security.StaffAccountService;
import org.clinic.security.SystemAuthentication;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.test.context.support.WithMockUser;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@SpringBootTest
@WithMockUser(username = "grace", roles = "RECEPTIONIST")
class QueueServiceTest {

    @Autowired
    QueueService queue;

    @Autowired

    QueueBoards boards;
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
    @Autowired
    TestClock clock;

    private TestClinic clinic;

    @BeforeEach
    void morning() {
        clinic = new TestClinic(accounts, doctors, patients);
        clock.setTimeOfDay(LocalTime.of(9, 0));
    }

    @AfterEach
    void realTime() {
        clock.reset();
    }

    @Test
    void check_in_gives_a_token_once_and_says_so_the_second_time() {
        DoctorSummary doctor = doctor();
        AppointmentSummary booked = book(clinic.patients(1).getFirst(), doctor, LocalTime.of(10, 0));

        Ticket ticket = queue.checkIn(booked.id());

        assertThat(ticket.token()).endsWith("-001");
        assertThat(ticket.position()).isEqualTo(1);
        assertThat(ticket.room()).isEqualTo(doctor.room());
        assertThat(appointmentQueries.get(booked.id()).status()).isEqualTo(AppointmentStatus.CHECKED_IN);
        assertThatThrownBy(() -> queue.checkIn(booked.id())).isInstanceOf(RuleViolation.class)
                .hasMessageContaining("already checked in").hasMessageContaining(ticket.token());
        assertThat(boards.board(doctor.id()).waiting()).hasSize(1);
    }

    @Test
    void check_in_is_only_on_the_day_and_not_too_early() {
        DoctorSummary doctor = doctor();
        var people = clinic.patients(2);
        AppointmentSummary tomorrow = appointments.book(new BookAppointment(UUID.randomUUID(), people.get(0),
                doctor.id(), LocalDate.now(clock).plusDays(1), LocalTime.of(10, 0), AppointmentKind.NEW, null));
        AppointmentSummary afternoon = book(people.get(1), doctor, LocalTime.of(15, 0));

        assertThatThrownBy(() -> queue.checkIn(tomorrow.id())).hasMessageContaining("only possible on the day");
        assertThatThrownBy(() -> queue.checkIn(afternoon.id())).hasMessageContaining("opens at 13:00");
        assertThat(appointmentQueries.get(afternoon.id()).status()).isEqualTo(AppointmentStatus.SCHEDULED);
    }

    @Test
    void emergencies_go_first_and_priority_lanes_are_interleaved_fairly() {
        DoctorSummary doctor = doctor();
        var people = clinic.patients(7);
        List<String> tokens = new java.util.ArrayList<>();
        tokens.add(walkIn(people.get(0), doctor, Lane.REGULAR));   // r1
        tokens.add(walkIn(people.get(1), doctor, Lane.REGULAR));   // r2
        tokens.add(walkIn(people.get(2), doctor, Lane.SENIOR));    // p1
        tokens.add(walkIn(people.get(3), doctor, Lane.PREGNANT));  // p2
        tokens.add(walkIn(people.get(4), doctor, Lane.CHILD));     // p3
        tokens.add(walkIn(people.get(5), doctor, Lane.EMERGENCY)); // e
        tokens.add(walkIn(people.get(6), doctor, Lane.REGULAR));   // r3

        List<String> calls = new java.util.ArrayList<>();
        for (int i = 0; i < 7; i++) {
            QueueEntryView called = queue.callNext(doctor.id()).orElseThrow();
            calls.add(called.token());
            queue.start(called.id());
            queue.finish(called.id());
        }
        // emergency; then two priority for each regular while both wait
        assertThat(calls).containsExactly(tokens.get(5), tokens.get(2), tokens.get(3), tokens.get(0), tokens.get(4),
                tokens.get(1), tokens.get(6));
        assertThat(queue.callNext(doctor.id())).isEmpty();
    }

    @Test
    void the_board_predicts_the_same_order_call_next_follows() {
        DoctorSummary doctor = doctor();
        var people = clinic.patients(4);
        walkIn(people.get(0), doctor, Lane.REGULAR);
        walkIn(people.get(1), doctor, Lane.REGULAR);
        walkIn(people.get(2), doctor, Lane.DISABILITY);
        walkIn(people.get(3), doctor, Lane.REGULAR);
        List<String> predicted = boards.board(doctor.id()).waiting().stream().map(QueueEntryView::token).toList();
        assertThat(boards.board(doctor.id()).waiting()).extracting(QueueEntryView::position).containsExactly(1, 2, 3, 4);

        List<String> called = new java.util.ArrayList<>();
        for (int i = 0; i < 4; i++) {
            QueueEntryView next = queue.callNext(doctor.id()).orElseThrow();
            called.add(next.token());
            queue.start(next.id());
            queue.finish(next.id());
        }
        assertThat(called).isEqualTo(predicted);
    }

    @Test
    void not_present_moves_back_and_then_a_no_show_needs_the_skips() {
        DoctorSummary doctor = doctor();
        var people = clinic.patients(5);
        AppointmentSummary booked = book(people.get(0), doctor, LocalTime.of(9, 30));
        String first = queue.checkIn(booked.id()).token();
        for (int i = 1; i < 5; i++) {
            walkIn(people.get(i), doctor, Lane.REGULAR);
        }
        QueueEntryView called = queue.callNext(doctor.id()).orElseThrow();
        assertThat(called.token()).isEqualTo(first);

        QueueEntryView skipped = queue.notPresent(called.id());

        assertThat(skipped.status()).isEqualTo(QueueStatus.WAITING);
        assertThat(skipped.skips()).isEqualTo(1);
        assertThat(skipped.position()).isEqualTo(4); // moved back three places
        queue.noShow(called.id());
        assertThat(boards.get(called.id()).status()).isEqualTo(QueueStatus.NO_SHOW);
        assertThat(appointmentQueries.get(booked.id()).status()).isEqualTo(AppointmentStatus.NO_SHOW);
        assertThat(boards.history(called.id())).hasSize(4);

        queue.returnToQueue(called.id());
        assertThat(boards.get(called.id()).position()).isEqualTo(1);
        assertThat(appointmentQueries.get(booked.id()).status()).isEqualTo(AppointmentStatus.CHECKED_IN);
    }

    @Test
    void transfer_keeps_arrival_and_priority() {
        DoctorSummary from = doctor();
        DoctorSummary to = doctor();
        var people = clinic.patients(3);
        walkIn(people.get(0), to, Lane.REGULAR);
        String moving = walkIn(people.get(1), from, Lane.SENIOR);
        walkIn(people.get(2), to, Lane.REGULAR);
        UUID entry = boards.board(from.id()).waiting().getFirst().id();

        queue.transfer(entry, to.id(), "Dr away for an emergency");

        QueueEntryView moved = boards.get(entry);
        assertThat(moved.token()).isEqualTo(moving);
        assertThat(moved.lane()).isEqualTo(Lane.SENIOR);
        assertThat(moved.doctorId()).isEqualTo(to.id());
        // arrived second, and a senior: called first in the new queue
        assertThat(boards.board(to.id()).waiting()).extracting(QueueEntryView::token).first().isEqualTo(moving);
        assertThat(boards.board(from.id()).waiting()).isEmpty();
    }

    @Test
    void a_priority_change_needs_a_reason() {
        DoctorSummary doctor = doctor();
        walkIn(clinic.patients(1).getFirst(), doctor, Lane.REGULAR);
        UUID entry = boards.board(doctor.id()).waiting().getFirst().id();

        assertThatThrownBy(() -> queue.changePriority(entry, Lane.DISABILITY, " "))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("reason");
        queue.changePriority(entry, Lane.DISABILITY, "Wheelchair user");
        assertThat(boards.get(entry).lane()).isEqualTo(Lane.DISABILITY);
        assertThat(boards.get(entry).priorityReason()).isEqualTo("Wheelchair user");
    }

    @Test
    void the_last_call_can_be_undone_within_the_window_only() {
        DoctorSummary doctor = doctor();
        var people = clinic.patients(2);
        walkIn(people.get(0), doctor, Lane.REGULAR);
        walkIn(people.get(1), doctor, Lane.REGULAR);

        QueueEntryView called = queue.callNext(doctor.id()).orElseThrow();
        assertThat(queue.undoLast(doctor.id())).contains("Called").contains(called.token());
        assertThat(boards.get(called.id()).status()).isEqualTo(QueueStatus.WAITING);
        assertThat(boards.get(called.id()).position()).isEqualTo(1);

        QueueEntryView again = queue.callNext(doctor.id()).orElseThrow();
        clock.advance(queue.settings().undoWindow().plusSeconds(1));
        assertThatThrownBy(() -> queue.undoLast(doctor.id())).hasMessageContaining("Too late");
        assertThat(boards.get(again.id()).status()).isEqualTo(QueueStatus.CALLED);
    }

    @Test
    void nobody_is_called_while_the_doctor_still_has_someone_called() {
        DoctorSummary doctor = doctor();
        var people = clinic.patients(2);
        walkIn(people.get(0), doctor, Lane.REGULAR);
        walkIn(people.get(1), doctor, Lane.REGULAR);
        QueueEntryView called = queue.callNext(doctor.id()).orElseThrow();

        assertThatThrownBy(() -> queue.callNext(doctor.id())).hasMessageContaining(called.token());
        queue.recall(called.id());
        queue.start(called.id());
        assertThat(appointments).isNotNull();
        queue.finish(called.id());
        assertThat(queue.callNext(doctor.id())).isPresent();
    }

    @Test
    void specialty_walk_ins_are_called_by_any_doctor_of_the_specialty_by_arrival() {
        DoctorSummary doctor = doctor();
        var people = clinic.patients(2);
        String own = walkIn(people.get(0), doctor, Lane.REGULAR);
        Ticket walkIn = queue.walkIn(people.get(1), null, doctor.specialty().id(), Lane.REGULAR, null, "Sprained ankle");
        assertThat(walkIn.doctorName()).isEqualTo("Next available doctor");

        assertThat(queue.callNext(doctor.id()).orElseThrow().token()).isEqualTo(own);
        QueueEntryView first = boards.board(doctor.id()).current().getFirst();
        queue.start(first.id());
        queue.finish(first.id());
        QueueEntryView second = queue.callNext(doctor.id()).orElseThrow();
        assertThat(second.token()).isEqualTo(walkIn.token());
        assertThat(second.doctorId()).isEqualTo(doctor.id());
    }

    @Test
    void doctors_work_only_their_own_queue_and_displays_only_read_tokens() {
        DoctorSummary mine = doctor();
        DoctorSummary other = doctor();
        walkIn(clinic.patients(1).getFirst(), other, Lane.REGULAR);

        assertThat(as(mine.staffUsername(), Role.DOCTOR, () -> queue.callNext(mine.id()))).isEmpty();
        assertThatThrownBy(() -> as(mine.staffUsername(), Role.DOCTOR, () -> queue.callNext(other.id())))
                .isInstanceOf(AccessDeniedException.class);
        UUID entry = boards.board(other.id()).waiting().getFirst().id();
        assertThatThrownBy(() -> as(mine.staffUsername(), Role.DOCTOR, () -> {
            queue.notPresent(entry);
            return null;
        })).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> as("tv", Role.DISPLAY, () -> queue.callNext(other.id())))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> as("tv", Role.DISPLAY, () -> boards.boards()))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> as(mine.staffUsername(), Role.DOCTOR, () -> queue.walkIn(UUID.randomUUID(), null,
                mine.specialty().id(), Lane.REGULAR, null, null))).isInstanceOf(AccessDeniedException.class);
        DisplayBoard board = as("tv", Role.DISPLAY, () -> boards.display(DisplayScope.clinic(), false));
        assertThat(board.waiting()).isNotEmpty().allSatisfy(w -> assertThat(w.initials()).isNull());
    }

    @Test
    void a_priority_lane_needs_a_reason_at_check_in_too() {
        DoctorSummary doctor = doctor();
        UUID patient = clinic.patients(1).getFirst();
        assertThatThrownBy(() -> queue.walkIn(patient, doctor.id(), doctor.specialty().id(), Lane.PREGNANT, null, null))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("reason");
        assertThat(boards.board(doctor.id()).waiting()).isEmpty();
    }

    private DoctorSummary doctor() {
        return clinic.doctor(LocalTime.of(8, 0), LocalTime.of(18, 0), 15, 40);
    }

    private AppointmentSummary book(UUID patient, DoctorSummary doctor, LocalTime at) {
        return appointments.book(new BookAppointment(UUID.randomUUID(), patient, doctor.id(), LocalDate.now(clock),
                at, AppointmentKind.NEW, "Check-up"));
    }

    private String walkIn(UUID patient, DoctorSummary doctor, Lane lane) {
        return queue.walkIn(patient, doctor.id(), doctor.specialty().id(), lane,
                lane == Lane.REGULAR ? null : "Given at the desk", null).token();
    }

    static <T> T as(String username, Role role, Supplier<T> work) {
        return org.clinic.security.ActingAs.as(username, role, work);
    }
}
