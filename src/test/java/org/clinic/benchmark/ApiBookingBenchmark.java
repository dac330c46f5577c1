package org.clinic.benchmark;

import org.clinic.api.ApiTokenService;
import org.clinic.api.NewApiToken;
import org.clinic.appointment.AppointmentKind;
import org.clinic.appointment.AppointmentService;
import org.clinic.appointment.BookAppointment;
import org.clinic.base.RuleViolation;
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
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The REST API's booking endpoint over real HTTP ({@code POST /api/v1/appointments} with a bearer token and an
 * Idempotency-Key, loopback only) beside the same bookings through {@link AppointmentService} directly, in the same
 * run, on the same kind of doctor-days (20 doctors × 10 days, 5 bookings each, durable commits): the service's rate is
 * the floor the endpoint is measured against. Afterwards SQL checks that no slot holds two active appointments.
 * Run with {@code ./mvnw -Pbenchmark verify -Dtest=ApiBookingBenchmark}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"clinic.demo.enabled=false", "clinic.api.calls-per-minute=1000000"})
class ApiBookingBenchmark {

    private static final int THREADS = 8;
    private static final int BOOKINGS = 1_000;

    @LocalServerPort
    int port;
    @Autowired
    AppointmentService appointments;
    @Autowired
    ApiTokenService tokens;
    @Autowired
    DoctorService doctors;
    @Autowired
    StaffAccountService accounts;
    @Autowired
    PatientService patients;
    @Autowired
    JdbcClient jdbc;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void booking_over_http_beside_the_service() throws Exception {
        List<UUID> people = SystemAuthentication.runAs(Role.RECEPTIONIST, () -> {
            List<UUID> ids = new ArrayList<>();
            for (int i = 0; i < 3 * BOOKINGS + 400; i++) {
                ids.add(patients.register(new PatientDetails("Api", "Bench" + letters(i), LocalDate.of(1980, 1, 1), false,
                        Sex.UNKNOWN, null, null, null), true).id());
            }
            return ids;
        });
        String token = SystemAuthentication.runAs(Role.ADMIN, () -> tokens.create(new NewApiToken(
                "bench-" + UUID.randomUUID().toString().substring(0, 8), Role.RECEPTIONIST, null, null))).secret();
        LocalDate first = LocalDate.now().plusDays(3);

        // Warm-up of both paths (class loading, JIT, pools), on doctor-days of their own.
        List<DoctorSummary> warm = doctors(20);
        run(200, i -> service(people.get(3 * BOOKINGS + i), warm, first.plusDays(20), i));
        run(200, i -> http(token, people.get(3 * BOOKINGS + 200 + i), warm, first.plusDays(21), i, true));

        List<DoctorSummary> forService = doctors(20);
        List<DoctorSummary> forHttp = doctors(20);
        List<DoctorSummary> forPlainHttp = doctors(20);
        Run service = run(BOOKINGS, i -> service(people.get(i), forService, first, i));
        Run api = run(BOOKINGS, i -> http(token, people.get(BOOKINGS + i), forHttp, first, i, true));
        Run plain = run(BOOKINGS, i -> http(token, people.get(2 * BOOKINGS + i), forPlainHttp, first, i, false));

        int doubleBooked = jdbc.sql("SELECT COUNT(*) FROM (SELECT doctor_id, on_date, starts_at FROM appointment"
                + " WHERE status NOT IN ('CANCELLED', 'NO_SHOW') GROUP BY doctor_id, on_date, starts_at"
                + " HAVING COUNT(*) > 1) x").query(Integer.class).single();
        assertThat(doubleBooked).isZero();
        assertThat(service.booked()).isEqualTo(BOOKINGS);
        assertThat(api.booked()).isEqualTo(BOOKINGS);
        assertThat(plain.booked()).isEqualTo(BOOKINGS);
        BenchmarkRecord.append("Booking over HTTP (REST API) beside the service",
                "./mvnw -Pbenchmark verify -Dtest=ApiBookingBenchmark",
                List.of(THREADS + " client threads, " + BOOKINGS + " bookings each way, spread over 200 doctor-days,"
                                + " durable commits; client and server share the 2 cores",
                        "service (AppointmentService.book), the floor: " + service,
                        "HTTP (POST /api/v1/appointments, bearer token, Idempotency-Key): " + api,
                        "HTTP without an Idempotency-Key (for what the key costs): " + plain,
                        String.format("HTTP rate / service rate: %.2f with the key, %.2f without",
                                api.rate() / service.rate(), plain.rate() / service.rate()),
                        "afterwards: " + doubleBooked + " slots with two active appointments",
                        "target: HTTP ≥ ½ of the service-level rate, p99 recorded"));
    }

    /** One booking through the service; true when booked. */
    private boolean service(UUID patient, List<DoctorSummary> doctors, LocalDate first, int i) {
        try {
            SystemAuthentication.runAs(Role.RECEPTIONIST, () -> appointments.book(new BookAppointment(
                    UUID.randomUUID(), patient, doctors.get(i % 20).id(), day(first, i), start(i),
                    AppointmentKind.NEW, null)));
            return true;
        } catch (RuleViolation refused) {
            return false;
        }
    }

    /** The same booking over HTTP, as an integration sends it; true when the answer is 201. */
    private boolean http(String token, UUID patient, List<DoctorSummary> doctors, LocalDate first, int i,
                         boolean withKey) {
        String body = String.format("{\"patientId\":\"%s\",\"doctorId\":\"%s\",\"date\":\"%s\",\"start\":\"%s\"}",
                patient, doctors.get(i % 20).id(), day(first, i), start(i));
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                        + "/api/v1/appointments")).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (withKey) {
            request.header("Idempotency-Key", UUID.randomUUID().toString());
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 201;
        } catch (java.io.IOException | InterruptedException e) {
            throw new IllegalStateException(e);
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

    private static LocalDate day(LocalDate first, int i) {
        return first.plusDays((i / 20) % 10);
    }

    private static LocalTime start(int i) {
        return LocalTime.of(8, 0).plusMinutes(15L * (i / 200));
    }

    private List<DoctorSummary> doctors(int count) {
        return SystemAuthentication.runAs(Role.ADMIN, () -> {
            var specialty = doctors.specialties().stream().findFirst()
                    .orElseGet(() -> doctors.addSpecialty("Benchmarking"));
            List<DoctorSummary> made = new ArrayList<>();
            for (int d = 0; d < count; d++) {
                String suffix = UUID.randomUUID().toString().substring(0, 8);
                accounts.create(new CreateStaffAccount("apibench" + suffix, "Dr Api " + suffix, "bench-password",
                        Role.DOCTOR));
                DoctorSummary doctor = doctors.addDoctor(new NewDoctor("apibench" + suffix, "Dr Api " + suffix,
                        specialty.id(), "apibench" + suffix + "@example.org", "GMC" + d + suffix, "9", 15, 10));
                List<WorkingSession> week = new ArrayList<>();
                for (DayOfWeek day : DayOfWeek.values()) {
                    week.add(new WorkingSession(day, LocalTime.of(8, 0), LocalTime.of(18, 0)));
                }
                doctors.setWeeklySessions(doctor.id(), week);
                made.add(doctor);
            }
            return made;
        });
    }

    private interface Booking {
        boolean book(int i);
    }

    private Run run(int bookings, Booking booking) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        AtomicInteger next = new AtomicInteger();
        AtomicInteger booked = new AtomicInteger();
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        long start = System.nanoTime();
        List<Future<?>> workers = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            workers.add(pool.submit(() -> {
                for (int i = next.getAndIncrement(); i < bookings; i = next.getAndIncrement()) {
                    long before = System.nanoTime();
                    if (booking.book(i)) {
                        booked.incrementAndGet();
                    }
                    latencies.add(System.nanoTime() - before);
                }
            }));
        }
        for (Future<?> worker : workers) {
            worker.get();
        }
        pool.shutdown();
        return new Run(booked.get(), bookings - booked.get(), System.nanoTime() - start,
                latencies.stream().mapToLong(Long::longValue).toArray());
    }

    private record Run(int booked, int refused, long nanos, long[] latencies) {

        double rate() {
            return booked / (nanos / 1e9);
        }

        @Override
        public String toString() {
            return String.format("%d booked, %d refused in %.2f s = %.0f bookings/s; per booking %s", booked, refused,
                    nanos / 1e9, rate(), BenchmarkRecord.summary(latencies));
        }
    }
}
