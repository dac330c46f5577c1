package org.clinic.benchmark;

import org.clinic.appointment.AppointmentKind;
import org.clinic.appointment.AppointmentService;
import org.clinic.appointment.BookAppointment;
import org.clinic.doctor.DoctorService;
import org.clinic.doctor.DoctorSummary;
import org.clinic.doctor.NewDoctor;
import org.clinic.doctor.WorkingSession;
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

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bookings per second through the real, secured {@link AppointmentService} with durable commits
 * (innodb_flush_log_at_trx_commit=1), on one busy doctor-day and spread over 200 doctor-days; afterwards SQL checks
 * that no slot holds two active appointments and no doctor-day is over capacity.
 * Run with {@code ./mvnw -Pbenchmark verify -Dtest=BookingBenchmark}.
 */
@SpringBootTest(properties = "clinic.demo.enabled=false")
class BookingBenchmark {

    private static final int THREADS = 8;

    @Autowired
    AppointmentService appointments;
    @Autowired
    DoctorService doctors;
    @Autowired
    StaffAccountService accounts;
    @Autowired
    PatientService patients;
    @Autowired
    JdbcClient jdbc;

    @Test
    void bookings_per_second() throws Exception {
        List<UUID> people = SystemAuthentication.runAs(Role.RECEPTIONIST, () -> {
            List<UUID> ids = new ArrayList<>();
            for (int i = 0; i < 2_400; i++) {
                ids.add(patients.register(new PatientDetails("Bench", "Patient" + letters(i), LocalDate.of(1980, 1, 1),
                        false, Sex.UNKNOWN, null, null, null), true).id());
            }
            return ids;
        });
        LocalDate day = LocalDate.now().plusDays(2);

        warmUp(people, day.plusDays(1));
        // One busy doctor-day at a time: all threads book the same doctor and date, which serialises on its counter
        // row. A day holds at most 200 (the largest capacity allowed), so five such days are run one after another.
        Run hot = new Run(0, 0, 0);
        for (int round = 0; round < 5; round++) {
            DoctorSummary busy = doctor(5, 200, LocalTime.of(6, 0), LocalTime.of(23, 0));
            int offset = round * 200;
            hot = hot.plus(run(200, i -> new BookAppointment(UUID.randomUUID(), people.get(offset + i), busy.id(), day,
                    LocalTime.of(6, 0).plusMinutes(5L * i), AppointmentKind.NEW, null)));
        }

        // Spread: 200 doctor-days (20 doctors × 10 days), 5 bookings each.
        List<DoctorSummary> many = new ArrayList<>();
        for (int d = 0; d < 20; d++) {
            many.add(doctor(15, 10, LocalTime.of(8, 0), LocalTime.of(18, 0)));
        }
        Run spread = run(1_000, i -> {
            DoctorSummary doctor = many.get(i % 20);
            int dayOffset = (i / 20) % 10;
            int slot = i / 200;
            return new BookAppointment(UUID.randomUUID(), people.get(1_000 + i), doctor.id(),
                    day.plusDays(3 + dayOffset), LocalTime.of(8, 0).plusMinutes(15L * slot), AppointmentKind.NEW, null);
        });

        int doubleBooked = jdbc.sql("SELECT COUNT(*) FROM (SELECT doctor_id, on_date, starts_at FROM appointment"
                + " WHERE status NOT IN ('CANCELLED', 'NO_SHOW') GROUP BY doctor_id, on_date, starts_at"
                + " HAVING COUNT(*) > 1) x").query(Integer.class).single();
        int overCapacity = jdbc.sql("SELECT COUNT(*) FROM (SELECT a.doctor_id, a.on_date FROM appointment a"
                + " JOIN doctor d ON d.id = a.doctor_id WHERE a.status NOT IN ('CANCELLED', 'NO_SHOW')"
                + " GROUP BY a.doctor_id, a.on_date, d.daily_capacity HAVING COUNT(*) > d.daily_capacity) x")
                .query(Integer.class).single();
        String flush = jdbc.sql("SELECT @@innodb_flush_log_at_trx_commit").query(String.class).single();
        assertThat(doubleBooked).isZero();
        assertThat(overCapacity).isZero();
        BenchmarkRecord.append("Bookings through AppointmentService", "./mvnw -Pbenchmark verify -Dtest=BookingBenchmark",
                List.of(THREADS + " booking threads, durable commits (innodb_flush_log_at_trx_commit=" + flush + ")",
                        "one doctor-day (5 rounds of 200): " + hot, "spread over 200 doctor-days: " + spread,
                        "afterwards: " + doubleBooked + " slots with two active appointments, " + overCapacity
                                + " doctor-days over capacity",
                        "target: ≥ 500/s on one doctor-day, ≥ 1 000/s spread"));
    }

    private void warmUp(List<UUID> people, LocalDate day) throws Exception {
        DoctorSummary doctor = doctor(5, 200, LocalTime.of(6, 0), LocalTime.of(23, 0));
        run(200, i -> new BookAppointment(UUID.randomUUID(), people.get(2_000 + i), doctor.id(), day,
                LocalTime.of(6, 0).plusMinutes(5L * i), AppointmentKind.NEW, null));
    }

    private DoctorSummary doctor(int slotMinutes, int capacity, LocalTime start, LocalTime end) {
        return SystemAuthentication.runAs(Role.ADMIN, () -> {
            String suffix = UUID.randomUUID().toString().substring(0, 8);
            accounts.create(new CreateStaffAccount("bench" + suffix, "Dr Bench " + suffix, "bench-password", Role.DOCTOR));
            var specialty = doctors.specialties().stream().findFirst()
                    .orElseGet(() -> doctors.addSpecialty("Benchmarking"));
            DoctorSummary doctor = doctors.addDoctor(new NewDoctor("bench" + suffix, "Dr Bench " + suffix,
                    specialty.id(), "bench" + suffix + "@example.org", "B1" + suffix, "9", slotMinutes, capacity));
            List<WorkingSession> week = new ArrayList<>();
            for (DayOfWeek d : DayOfWeek.values()) {
                week.add(new WorkingSession(d, start, end));
            }
            doctors.setWeeklySessions(doctor.id(), week);
            return doctor;
        });
    }

    private Run run(int bookings, java.util.function.IntFunction<BookAppointment> request) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        AtomicInteger next = new AtomicInteger();
        AtomicInteger booked = new AtomicInteger();
        AtomicInteger refused = new AtomicInteger();
        long start = System.nanoTime();
        List<Future<?>> workers = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            workers.add(pool.submit(() -> SystemAuthentication.runAs(Role.RECEPTIONIST, () -> {
                for (int i = next.getAndIncrement(); i < bookings; i = next.getAndIncrement()) {
                    try {
                        appointments.book(request.apply(i));
                        booked.incrementAndGet();
                    } catch (org.clinic.base.RuleViolation e) {
                        refused.incrementAndGet();
                    }
                }
            })));
        }
        for (Future<?> worker : workers) {
            worker.get();
        }
        pool.shutdown();
        return new Run(booked.get(), refused.get(), System.nanoTime() - start);
    }

    record Run(int booked, int refused, long nanos) {
        Run plus(Run other) {
            return new Run(booked + other.booked, refused + other.refused, nanos + other.nanos);
        }

        @Override
        public String toString() {
            return String.format("%d booked, %d refused in %.2f s = %.0f bookings/s", booked, refused, nanos / 1e9,
                    booked / (nanos / 1e9));
        }
    }

    private static String letters(int n) {
        StringBuilder s = new StringBuilder();
        do {
            s.append((char) ('a' + n % 26));
            n /= 26;
        } while (n > 0);
        return s.toString();
    }
}
