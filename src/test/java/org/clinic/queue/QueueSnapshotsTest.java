package org.clinic.queue;

import org.clinic.appointment.TestClinic;
import org.clinic.doctor.DoctorService;
import org.clinic.doctor.DoctorSummary;
import org.clinic.patient.PatientService;
import org.clinic.security.Role;
import org.clinic.security.StaffAccountService;
import org.clinic.security.SystemAuthentication;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.access.AccessDeniedException;

import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * One read of the day per committed change, however many screens ask, and each kind of screen's part worked out once
 * and shared; who may see it is still checked on every call.
 */
@SpringBootTest(properties = "clinic.demo.enabled=false")
class QueueSnapshotsTest {

    @Autowired
    QueueSnapshots snapshots;
    @Autowired
    QueueBoards boards;
    @Autowired
    QueueService queue;
    @Autowired
    StaffAccountService accounts;
    @Autowired
    DoctorService doctors;
    @Autowired
    PatientService patients;

    @Test
    void two_hundred_displays_asking_at_once_after_a_change_share_one_read_and_one_board() throws Exception {
        TestClinic clinic = new TestClinic(accounts, doctors, patients);
        DoctorSummary doctor = clinic.doctor(LocalTime.of(0, 0), LocalTime.of(23, 45), 15, 200);
        List<UUID> people = clinic.patients(2);
        DisplayScope scope = new DisplayScope(DisplayScope.Kind.DOCTOR, doctor.id());
        String first = walkIn(doctor, people.get(0));
        SystemAuthentication.runAs(Role.DISPLAY, () -> boards.display(scope, false));

        String second = walkIn(doctor, people.get(1));
        long readsBefore = snapshots.reads();
        List<DisplayBoard> seen = new ArrayList<>();
        try (ExecutorService screens = Executors.newFixedThreadPool(16)) {
            List<Future<DisplayBoard>> asked = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                asked.add(screens.submit(() -> SystemAuthentication.runAs(Role.DISPLAY,
                        () -> boards.display(scope, false))));
            }
            for (Future<DisplayBoard> answer : asked) {
                seen.add(answer.get());
            }
        }

        // the read started right after the commit, and nobody else's change read meanwhile: at most one more
        assertThat(snapshots.reads() - readsBefore).isLessThanOrEqualTo(1);
        assertThat(seen).allSatisfy(board -> assertThat(board).isSameAs(seen.getFirst()));
        assertThat(seen.getFirst().waiting()).extracting(DisplayBoard.Waiting::token).containsExactly(first, second);
    }

    @Test
    void a_shared_board_is_still_refused_to_whoever_may_not_see_it() {
        TestClinic clinic = new TestClinic(accounts, doctors, patients);
        DoctorSummary doctor = clinic.doctor(LocalTime.of(0, 0), LocalTime.of(23, 45), 15, 200);
        walkIn(doctor, clinic.patients(1).getFirst());
        SystemAuthentication.runAs(Role.RECEPTIONIST, () -> boards.board(doctor.id()));

        assertThatThrownBy(() -> SystemAuthentication.runAs(Role.DISPLAY, () -> boards.board(doctor.id())))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> SystemAuthentication.runAs(Role.KIOSK,
                () -> boards.display(DisplayScope.clinic(), false))).isInstanceOf(AccessDeniedException.class);
    }

    private String walkIn(DoctorSummary doctor, UUID patient) {
        return SystemAuthentication.runAs(Role.RECEPTIONIST, () -> queue.walkIn(patient, doctor.id(),
                doctor.specialty().id(), Lane.REGULAR, null, "Snapshot test").token());
    }
}
