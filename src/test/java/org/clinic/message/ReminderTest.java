package org.clinic.message;

import net.javacrumbs.shedlock.core.DefaultLockingTaskExecutor;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockingTaskExecutor;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import org.clinic.TestClock;
import org.clinic.appointment.AppointmentService;
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
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

import javax.sql.DataSource;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest
class ReminderTest {

    @Autowired
    ReminderService reminders;
    @Autowired
    ReminderJob job;
    @Autowired
    AppointmentService appointments;
    @Autowired
    PatientService patients;
    @Autowired
    DoctorService doctors;
    @Autowired
    StaffAccountService accounts;
    @Autowired
    DataSource dataSource;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TestClock clock;

    private MessageFixtures fixtures;

    @BeforeEach
    void earlyMorning() {
        fixtures = new MessageFixtures(accounts, doctors, patients, appointments);
        clock.setTimeOfDay(LocalTime.of(7, 0));
    }

    @AfterEach
    void realTime() {
        clock.reset();
    }

    @Test
    void a_reminder_run_twice_sends_one_email_per_appointment() throws Exception {
        List<String> addresses = bookToday(3);

        ReminderService.Reminders first = SystemAuthentication.runAs(Role.ADMIN, reminders::remindToday);
        ReminderService.Reminders second = SystemAuthentication.runAs(Role.ADMIN, reminders::remindToday);

        assertThat(first.queued()).isGreaterThanOrEqualTo(3);
        assertThat(second.queued()).as("the second run finds every reminder queued already").isZero();
        for (String address : addresses) {
            assertThat(reminderMail(address)).hasSize(1);
            assertThat(MailText.of(MailBox.of(address).stream().filter(m -> subject(m).startsWith("Reminder"))
                    .findFirst().orElseThrow())).contains("today");
        }
    }

    @Test
    void two_scheduler_instances_firing_at_the_same_instant_send_one_reminder_per_appointment() throws Exception {
        List<String> addresses = bookToday(4);
        // Two nodes: each with its own lock provider on the one database, both firing at the same instant.
        String lockName = "same-day-reminders-test-" + UUID.randomUUID();
        List<LockingTaskExecutor> nodes = List.of(node(), node());
        AtomicInteger runs = new AtomicInteger();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        List<Future<?>> done = new ArrayList<>();
        for (LockingTaskExecutor node : nodes) {
            done.add(threads.submit(() -> {
                start.await();
                node.executeWithLock((Runnable) () -> {
                    runs.incrementAndGet();
                    SystemAuthentication.runAs(Role.ADMIN, reminders::remindToday);
                }, new LockConfiguration(Instant.now(), lockName, Duration.ofMinutes(10), Duration.ofMinutes(1)));
                return null;
            }));
        }
        start.countDown();
        for (Future<?> future : done) {
            future.get();
        }
        threads.shutdown();

        assertThat(runs.get()).as("the lock lets one node run").isEqualTo(1);
        for (String address : addresses) {
            assertThat(reminderMail(address)).hasSize(1);
        }
    }

    @Test
    void the_scheduled_job_itself_runs_once_when_two_threads_fire_it_together() throws Exception {
        List<String> addresses = bookToday(2);
        jdbc.sql("DELETE FROM shedlock WHERE name = 'same-day-reminders'").update();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        List<Future<?>> done = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            done.add(threads.submit(() -> {
                start.await();
                job.sameDay();
                return null;
            }));
        }
        start.countDown();
        for (Future<?> future : done) {
            future.get();
        }
        threads.shutdown();

        assertThat(jdbc.sql("SELECT COUNT(*) FROM shedlock WHERE name = 'same-day-reminders'").query(Integer.class)
                .single()).isEqualTo(1);
        for (String address : addresses) {
            assertThat(reminderMail(address)).hasSize(1);
        }
    }

    private LockingTaskExecutor node() {
        return new DefaultLockingTaskExecutor(new JdbcTemplateLockProvider(JdbcTemplateLockProvider.Configuration
                .builder().withJdbcTemplate(new JdbcTemplate(dataSource)).withTableName("shedlock").usingDbTime()
                .build()));
    }

    private List<String> bookToday(int count) {
        DoctorSummary doctor = fixtures.doctor();
        List<String> addresses = new ArrayList<>();
        LocalDate today = LocalDate.now(clock);
        for (int i = 0; i < count; i++) {
            String address = MessageFixtures.uniqueAddress();
            fixtures.book(fixtures.patient(address), doctor, today, LocalTime.of(9, 0).plusMinutes(15L * i));
            addresses.add(address);
        }
        return addresses;
    }

    /** Waits for the booking confirmation and the reminder, then returns the reminders that arrived. */
    private static List<jakarta.mail.internet.MimeMessage> reminderMail(String address) throws InterruptedException {
        MailBox.await(address, 2, Duration.ofSeconds(20));
        Thread.sleep(300);
        return MailBox.of(address).stream().filter(m -> subject(m).startsWith("Reminder")).toList();
    }

    private static String subject(jakarta.mail.internet.MimeMessage message) {
        try {
            return message.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
