package org.clinic.consultation;

import org.clinic.TestClock;
import org.clinic.appointment.AppointmentQueries;
import org.clinic.appointment.AppointmentService;
import org.clinic.appointment.AppointmentStatus;
import org.clinic.base.RuleViolation;
import org.clinic.doctor.DoctorService;
import org.clinic.doctor.DoctorSummary;
import org.clinic.patient.PatientService;
import org.clinic.queue.QueueBoards;
import org.clinic.queue.QueueService;
import org.clinic.queue.QueueStatus;
import org.clinic.security.Role;
import org.clinic.security.StaffAccountService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.clinic.consultation.ConsultationFixtures.as;
import static org.clinic.consultation.ConsultationFixtures.sample;

/** Real threads against MariaDB: one consultation completed from several tabs at once is completed once. */
@SpringBootTest
@org.springframework.security.test.context.support.WithMockUser(username = "grace", roles = "RECEPTIONIST")
class ConsultationConcurrencyTest {

    @Autowired
    ConsultationService consultations;
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
    @Autowired
    JdbcClient jdbc;
    @Autowired
    DataSource dataSource;

    private ConsultationFixtures fixtures;

    @BeforeEach
    void morning() {
        fixtures = new ConsultationFixtures(accounts, doctors, patients, appointments, queue, clock);
        clock.setTimeOfDay(LocalTime.of(9, 0));
    }

    @AfterEach
    void realTime() {
        clock.reset();
    }

    @Test
    void concurrent_completions_of_one_consultation_complete_it_once() throws Exception {
        DoctorSummary doctor = fixtures.doctor();
        for (int round = 0; round < 5; round++) {
            var arrival = fixtures.checkedIn(doctor, LocalTime.of(9, 15).plusMinutes(15L * round));
            Consultation c = as(doctor.staffUsername(), Role.DOCTOR, () -> consultations.start(arrival.entryId()));
            int threads = 6;
            CountDownLatch ready = new CountDownLatch(threads);
            CountDownLatch go = new CountDownLatch(1);
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            List<Future<String>> results = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                results.add(pool.submit(() -> as(doctor.staffUsername(), Role.DOCTOR, () -> {
                    ready.countDown();
                    try {
                        go.await();
                        consultations.complete(c.id(), c.version(), sample());
                        return "completed";
                    } catch (RuleViolation refused) {
                        return refused.getMessage();
                    } catch (InterruptedException e) {
                        throw new IllegalStateException(e);
                    }
                })));
            }
            ready.await();
            go.countDown();
            List<String> outcomes = new ArrayList<>();
            for (Future<String> result : results) {
                outcomes.add(result.get());
            }
            pool.shutdown();

            assertThat(outcomes).filteredOn("completed"::equals).hasSize(1);
            assertThat(outcomes).filteredOn(o -> !o.equals("completed"))
                    .allSatisfy(o -> assertThat(o).contains("already completed by " + doctor.staffUsername()));
            assertThat(boards.get(arrival.entryId()).status()).isEqualTo(QueueStatus.DONE);
            assertThat(as(doctor.staffUsername(), Role.DOCTOR, () -> boards.history(arrival.entryId())))
                    .filteredOn(h -> h.contains("Finish")).hasSize(1);
            assertThat(jdbc.sql("SELECT COUNT(*) FROM appointment_event e JOIN appointment a ON a.id = e.appointment_id"
                            + " WHERE a.public_id = :id AND e.to_status = 'COMPLETED'")
                    .param("id", arrival.appointmentId().toString()).query(Integer.class).single()).isEqualTo(1);
            assertThat(as("grace", Role.RECEPTIONIST, () -> appointmentQueries.get(arrival.appointmentId()).status()))
                    .isEqualTo(AppointmentStatus.COMPLETED);
        }
    }

    /**
     * Another transaction holds the doctor's queue line while the completion waits for it, then asks for the
     * consultation the completion holds: MariaDB picks the completion (the lighter transaction) as the deadlock
     * victim and rolls all of it back. The service that began the transaction runs it again, so the doctor sees the
     * consultation completed, never an unexpected-rollback error.
     */
    @Test
    void a_deadlock_during_completion_is_retried_by_the_transaction_owner_and_the_doctor_sees_success()
            throws Exception {
        DoctorSummary doctor = fixtures.doctor();
        var arrival = fixtures.checkedIn(doctor, LocalTime.of(9, 30));
        Consultation c = as(doctor.staffUsername(), Role.DOCTOR, () -> consultations.start(arrival.entryId()));
        long consultationRow = jdbc.sql("SELECT id FROM consultation WHERE public_id = :id")
                .param("id", c.id().toString()).query(Long.class).single();
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try (Connection other = dataSource.getConnection()) {
            other.setAutoCommit(false);
            // Weight: InnoDB rolls back the transaction that changed fewer rows, so this one must change many.
            run(other, "INSERT INTO shedlock (name, lock_until, locked_at, locked_by)"
                    + " SELECT CONCAT('deadlock-test-', n), NOW(3), NOW(3), 'test' FROM (WITH RECURSIVE numbers(n) AS"
                    + " (SELECT 1 UNION ALL SELECT n + 1 FROM numbers WHERE n < 60)" // 60 × 60 rows
                    + " SELECT x.n * 100 + y.n AS n FROM numbers x CROSS JOIN numbers y) generated");
            run(other, "SELECT last_token FROM queue_line_day WHERE line = 'doctor:" + doctor.internalId()
                    + "' AND on_date = CURRENT_DATE FOR UPDATE");
            Future<String> completion = pool.submit(() -> as(doctor.staffUsername(), Role.DOCTOR, () -> {
                try {
                    consultations.complete(c.id(), c.version(), sample());
                    return "completed";
                } catch (RuntimeException e) {
                    return e.getClass().getSimpleName() + ": " + e.getMessage();
                }
            }));
            Thread.sleep(1_500); // the completion now holds the consultation row and waits for the queue line
            assertThat(completion.isDone()).isFalse();
            run(other, "SELECT id FROM consultation WHERE id = " + consultationRow + " FOR UPDATE");
            other.rollback(); // frees the line: the retried completion goes through
            assertThat(completion.get()).isEqualTo("completed");
        } finally {
            pool.shutdownNow();
        }
        assertThat(boards.get(arrival.entryId()).status()).isEqualTo(QueueStatus.DONE);
        assertThat(as("grace", Role.RECEPTIONIST, () -> appointmentQueries.get(arrival.appointmentId()).status()))
                .isEqualTo(AppointmentStatus.COMPLETED);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM appointment_event e JOIN appointment a ON a.id = e.appointment_id"
                        + " WHERE a.public_id = :id AND e.to_status = 'COMPLETED'")
                .param("id", arrival.appointmentId().toString()).query(Integer.class).single()).isEqualTo(1);
    }

    private static void run(Connection connection, String sql) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.execute();
        }
    }
}
