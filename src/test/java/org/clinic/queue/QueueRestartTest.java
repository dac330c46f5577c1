package org.clinic.queue;

import org.clinic.ClinicApplication;
import org.clinic.TestClock;
import org.clinic.appointment.TestClinic;
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
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.test.context.support.WithMockUser;

import java.time.LocalTime;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The queue lives in MariaDB, not in the application's memory: a freshly started application instance (new
 * services, new caches, same database) shows exactly the same queues, positions and "now calling".
 */
@SpringBootTest
@WithMockUser(username = "grace", roles = "RECEPTIONIST")
class QueueRestartTest {

    @Autowired
    QueueService queue;

    @Autowired

    QueueBoards boards;
    @Autowired
    StaffAccountService accounts;
    @Autowired
    DoctorService doctors;
    @Autowired
    PatientService patients;
    @Autowired
    TestClock clock;

    @BeforeEach
    void morning() {
        clock.setTimeOfDay(LocalTime.of(9, 0));
    }

    @AfterEach
    void realTime() {
        clock.reset();
    }

    @Test
    void a_restarted_application_shows_the_same_queue_and_the_same_now_calling() {
        TestClinic clinic = new TestClinic(accounts, doctors, patients);
        DoctorSummary doctor = clinic.doctor(LocalTime.of(8, 0), LocalTime.of(18, 0), 15, 40);
        List<UUID> people = clinic.patients(4);
        queue.walkIn(people.get(0), doctor.id(), doctor.specialty().id(), Lane.REGULAR, null, "Fever");
        queue.walkIn(people.get(1), doctor.id(), doctor.specialty().id(), Lane.REGULAR, null, null);
        queue.walkIn(people.get(2), doctor.id(), doctor.specialty().id(), Lane.CHILD, "Aged 4", null);
        queue.walkIn(people.get(3), doctor.id(), doctor.specialty().id(), Lane.REGULAR, null, null);
        QueueEntryView called = queue.callNext(doctor.id()).orElseThrow();
        queue.recall(called.id());

        String before = snapshot(boards, doctor);
        DisplayBoard displayBefore = boards.display(new DisplayScope(DisplayScope.Kind.DOCTOR, doctor.id()), false);

        SecurityContextHolderStrategy ours = SecurityContextHolder.getContextHolderStrategy();
        try (ConfigurableApplicationContext restarted = new SpringApplicationBuilder(ClinicApplication.class)
                .properties("server.port=0", "clinic.demo.enabled=false", "spring.main.banner-mode=off")
                .run()) {
            QueueBoards fresh = restarted.getBean(QueueBoards.class);
            assertThat(fresh).isNotSameAs(boards);
            SecurityContextHolder.setContextHolderStrategy(restarted.getBean(SecurityContextHolderStrategy.class));
            String after = SystemAuthentication.runAs(Role.RECEPTIONIST, () -> snapshot(fresh, doctor));
            DisplayBoard displayAfter = SystemAuthentication.runAs(Role.DISPLAY,
                    () -> fresh.display(new DisplayScope(DisplayScope.Kind.DOCTOR, doctor.id()), false));

            assertThat(after).isEqualTo(before);
            assertThat(displayAfter.calls()).isEqualTo(displayBefore.calls());
            assertThat(displayAfter.calls().getFirst().token()).isEqualTo(called.token());
            assertThat(displayAfter.waiting()).isEqualTo(displayBefore.waiting());
        } finally {
            SecurityContextHolder.setContextHolderStrategy(ours);
        }
    }

    /** What a screen would show of the doctor's queue, minus the ticking wait times. */
    private static String snapshot(QueueBoards service, DoctorSummary doctor) {
        LineBoard board = service.board(doctor.id());
        StringBuilder text = new StringBuilder();
        board.current().forEach(e -> text.append("now ").append(e.token()).append(' ').append(e.status())
                .append(' ').append(e.patientName()).append('\n'));
        board.waiting().forEach(e -> text.append(e.position()).append(' ').append(e.token()).append(' ')
                .append(e.lane()).append(' ').append(e.patientName()).append('\n'));
        return text.toString();
    }
}
