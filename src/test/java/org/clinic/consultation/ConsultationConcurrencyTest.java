package org.clinic.consultation;

import org.clinic.TestClock;
import org.clinic.appointment.AppointmentService;
import org.clinic.appointment.AppointmentStatus;
import org.clinic.base.RuleViolation;
import org.clinic.doctor.DoctorService;
import org.clinic.doctor.DoctorSummary;
import org.clinic.patient.PatientService;
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
    AppointmentService appointments;
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
            assertThat(queue.get(arrival.entryId()).status()).isEqualTo(QueueStatus.DONE);
            assertThat(as(doctor.staffUsername(), Role.DOCTOR, () -> queue.history(arrival.entryId())))
                    .filteredOn(h -> h.contains("Finish")).hasSize(1);
            assertThat(jdbc.sql("SELECT COUNT(*) FROM appointment_event e JOIN appointment a ON a.id = e.appointment_id"
                            + " WHERE a.public_id = :id AND e.to_status = 'COMPLETED'")
                    .param("id", arrival.appointmentId().toString()).query(Integer.class).single()).isEqualTo(1);
            assertThat(as("grace", Role.RECEPTIONIST, () -> appointments.get(arrival.appointmentId()).status()))
                    .isEqualTo(AppointmentStatus.COMPLETED);
        }
    }
}
