package org.clinic.benchmark;

import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.clinic.appointment.AppointmentKind;
import org.clinic.appointment.AppointmentService;
import org.clinic.appointment.BookAppointment;
import org.clinic.doctor.DoctorService;
import org.clinic.doctor.DoctorSummary;
import org.clinic.doctor.NewDoctor;
import org.clinic.doctor.WorkingSession;
import org.clinic.message.ReminderService;
import org.clinic.patient.PatientDetails;
import org.clinic.patient.PatientService;
import org.clinic.patient.Sex;
import org.clinic.security.CreateStaffAccount;
import org.clinic.security.Role;
import org.clinic.security.StaffAccountService;
import org.clinic.security.SystemAuthentication;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;

import java.sql.Timestamp;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reminders for 10 000 appointments through the real path: the reminder run renders and queues them in the outbox,
 * the outbox sender delivers them over SMTP into the embedded GreenMail server. The floor in the same run: the same
 * mail sender handing 2 000 ready-made messages straight to the same server, 50 per SMTP connection. Appointments are booked through the
 * real booking service for patients without an address (their confirmations are skipped); the addresses are then
 * set, so the reminders are the only mail in flight.
 * Run with {@code ./mvnw -Pbenchmark verify -Dtest=ReminderBenchmark}.
 */
@SpringBootTest(properties = {"clinic.demo.enabled=false", "clinic.reminders.catch-up-on-start=false",
        "clinic.reminders.same-day-cron=-"})
class ReminderBenchmark {

    private static final int APPOINTMENTS = 10_000;
    private static final int PER_DOCTOR = 200;

    @Autowired
    ReminderService reminders;
    @Autowired
    AppointmentService appointments;
    @Autowired
    DoctorService doctors;
    @Autowired
    StaffAccountService accounts;
    @Autowired
    PatientService patients;
    @Autowired
    JavaMailSender mail;
    @Autowired
    JdbcClient jdbc;

    @Test
    void reminders_per_second_into_a_real_smtp_server() throws Exception {
        LocalDate tomorrow = LocalDate.now(java.time.ZoneId.of("Europe/London")).plusDays(1);
        String run = letters(java.util.concurrent.ThreadLocalRandom.current().nextInt(1_000_000, 20_000_000));
        bookTomorrow(tomorrow, run);
        jdbc.sql("UPDATE patient SET email = CONCAT('bench.', id, '@reminders.example.org') WHERE family_name LIKE :p")
                .param("p", "Remind" + run + "%").update();

        double floor = floorMessagesPerSecond(2_000);

        Instant started = Instant.now();
        long t0 = System.nanoTime();
        ReminderService.Reminders queued = SystemAuthentication.runAs(Role.ADMIN, reminders::remindTomorrow);
        long queuedNanos = System.nanoTime() - t0;
        long sent;
        do {
            Thread.sleep(200);
            sent = jdbc.sql("SELECT COUNT(*) FROM outbox_message WHERE kind = 'REMINDER_DAY_BEFORE' AND state = 'SENT'"
                    + " AND created_at >= :t").param("t", Timestamp.from(started)).query(Long.class).single();
        } while (sent < queued.queued() && System.nanoTime() - t0 < 600_000_000_000L);
        long totalNanos = System.nanoTime() - t0;
        long failed = jdbc.sql("SELECT COUNT(*) FROM outbox_message WHERE kind = 'REMINDER_DAY_BEFORE'"
                + " AND state <> 'SENT' AND created_at >= :t").param("t", Timestamp.from(started)).query(Long.class).single();

        assertThat(queued.queued()).isGreaterThanOrEqualTo(APPOINTMENTS);
        assertThat(sent).isEqualTo(queued.queued());
        double queuedPerSecond = queued.queued() / (queuedNanos / 1e9);
        double deliveredPerSecond = queued.queued() / (totalNanos / 1e9);
        BenchmarkRecord.append("Reminders through the outbox into a real SMTP server",
                "./mvnw -Pbenchmark verify -Dtest=ReminderBenchmark", List.of(
                        String.format("reminder run (render + queue in the outbox, batches of 200): %d messages in %.1f s,"
                                + " %.0f messages/s", queued.queued(), queuedNanos / 1e9, queuedPerSecond),
                        String.format("run start → last one sent over SMTP into GreenMail: %.1f s, %.0f messages/s;"
                                + " %d not sent", totalNanos / 1e9, deliveredPerSecond, failed),
                        String.format("floor, the same mail sender sending ready-made messages straight to the server:"
                                + " %.0f messages/s (outbox delivery at %.0f %% of it)", floor,
                                100 * deliveredPerSecond / floor)));
    }

    /** The same mail sender, ready-made messages, the same batches of 50 per SMTP connection as the outbox. */
    private double floorMessagesPerSecond(int count) throws Exception {
        long start = System.nanoTime();
        List<MimeMessage> batch = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            MimeMessage message = mail.createMimeMessage();
            MimeMessageHelper helper = new MimeMessageHelper(message, true, "UTF-8");
            helper.setFrom(new InternetAddress("appointments@clinic.example"));
            helper.setTo("floor" + i + "@reminders.example.org");
            helper.setSubject("Floor " + i);
            helper.setText("A plain message of about the size of a reminder.\n".repeat(12),
                    "<p>" + "A message of about the size of a reminder. ".repeat(40) + "</p>");
            batch.add(message);
            if (batch.size() == 50) {
                mail.send(batch.toArray(MimeMessage[]::new));
                batch.clear();
            }
        }
        if (!batch.isEmpty()) {
            mail.send(batch.toArray(MimeMessage[]::new));
        }
        return count / ((System.nanoTime() - start) / 1e9);
    }

    private void bookTomorrow(LocalDate day, String run) throws Exception {
        List<UUID> people = SystemAuthentication.runAs(Role.RECEPTIONIST, () -> {
            List<UUID> ids = new ArrayList<>();
            for (int i = 0; i < APPOINTMENTS; i++) {
                ids.add(patients.register(new PatientDetails("Bench", "Remind" + run + "x" + letters(i), LocalDate.of(1980, 1, 1),
                        false, Sex.UNKNOWN, null, null, null), true).id());
            }
            return ids;
        });
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<?>> done = new ArrayList<>();
        for (int d = 0; d < APPOINTMENTS / PER_DOCTOR; d++) {
            DoctorSummary doctor = doctor(run.toLowerCase() + d);
            int first = d * PER_DOCTOR;
            done.add(pool.submit(() -> SystemAuthentication.runAs(Role.RECEPTIONIST, () -> {
                for (int i = 0; i < PER_DOCTOR; i++) {
                    appointments.book(new BookAppointment(UUID.randomUUID(), people.get(first + i), doctor.id(), day,
                            LocalTime.of(6, 0).plusMinutes(5L * i), AppointmentKind.NEW, null));
                }
            })));
        }
        for (Future<?> future : done) {
            future.get();
        }
        pool.shutdown();
    }

    /** A number written in letters (names take letters only). */
    private static String letters(int number) {
        StringBuilder text = new StringBuilder();
        do {
            text.append((char) ('a' + number % 26));
            number /= 26;
        } while (number > 0);
        return text.toString();
    }

    private DoctorSummary doctor(String suffix) {
        return SystemAuthentication.runAs(Role.ADMIN, () -> {
            accounts.create(new CreateStaffAccount("remind" + suffix, "Dr Remind " + suffix, "bench-password",
                    Role.DOCTOR));
            var specialty = doctors.specialties().stream().findFirst()
                    .orElseGet(() -> doctors.addSpecialty("Benchmarking"));
            DoctorSummary doctor = doctors.addDoctor(new NewDoctor("remind" + suffix, "Dr Remind " + suffix,
                    specialty.id(), "remind" + suffix + "@example.org", "RM" + suffix, "9", 5, PER_DOCTOR));
            List<WorkingSession> week = new ArrayList<>();
            for (DayOfWeek d : DayOfWeek.values()) {
                week.add(new WorkingSession(d, LocalTime.of(6, 0), LocalTime.of(23, 0)));
            }
            doctors.setWeeklySessions(doctor.id(), week);
            return doctor;
        });
    }
}
