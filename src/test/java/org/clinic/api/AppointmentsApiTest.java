package org.clinic.api;

import org.clinic.TestClock;
import org.clinic.appointment.TestClinic;
import org.clinic.doctor.DoctorService;
import org.clinic.doctor.DoctorSummary;
import org.clinic.patient.PatientService;
import org.clinic.security.StaffAccountService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/** Booking, reading, cancelling, moving and checking in over real HTTP, idempotency and capacity included. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AppointmentsApiTest {

    @LocalServerPort
    int port;
    @Autowired
    ApiTokenService tokens;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    StaffAccountService accounts;
    @Autowired
    DoctorService doctors;
    @Autowired
    PatientService patients;
    @Autowired
    TestClock clock;
    @Autowired
    org.clinic.base.ClinicSettings settings;
    @Autowired
    io.micrometer.core.instrument.MeterRegistry meters;

    private TestClinic clinic;
    private ApiCalls api;
    private LocalDate tomorrow;

    @BeforeEach
    void setUp() {
        clinic = new TestClinic(accounts, doctors, patients);
        api = new ApiCalls(port, new ApiFixtures(tokens).reception().secret());
        tomorrow = LocalDate.now(clock.withZone(settings.timeZone())).plusDays(1);
    }

    @AfterEach
    void realTime() {
        clock.reset();
    }

    @Test
    void a_booking_is_read_listed_in_the_doctors_day_moved_and_cancelled() {
        DoctorSummary doctor = clinic.doctor(LocalTime.of(9, 0), LocalTime.of(12, 0), 15, 10);
        UUID patient = clinic.patients(1).getFirst();
        assertThat(api.get("/api/v1/doctors/" + doctor.id() + "/slots?date=" + tomorrow).json().get("free").size())
                .isEqualTo(12);

        double bookedByApi = meters.counter("clinic.bookings", "channel", "api", "type", "new").count();
        ApiCalls.Answer booked = api.post("/api/v1/appointments", booking(patient, doctor, "09:30"));
        assertThat(booked.status()).as(booked.raw().body()).isEqualTo(201);
        String id = booked.json().get("id").asString();
        assertThat(meters.counter("clinic.bookings", "channel", "api", "type", "new").count())
                .as("counted as the API's booking").isEqualTo(bookedByApi + 1);
        assertThat(booked.json().get("status").asString()).isEqualTo("SCHEDULED");
        assertThat(api.get("/api/v1/appointments/" + id).json().get("start").asString()).isEqualTo("09:30");
        assertThat(api.get("/api/v1/doctors/" + doctor.id() + "/appointments?date=" + tomorrow).json().get(0)
                .get("id").asString()).isEqualTo(id);
        assertThat(api.get("/api/v1/doctors/" + doctor.id() + "/slots?date=" + tomorrow).json().get("free").size())
                .isEqualTo(11);

        ApiCalls.Answer moved = api.post("/api/v1/appointments/" + id + "/move", ApiCalls.json(Map.of(
                "date", tomorrow.toString(), "start", "11:00")));
        assertThat(moved.status()).as(moved.raw().body()).isEqualTo(201);
        assertThat(moved.json().get("rescheduledFrom").asString()).isEqualTo(id);
        assertThat(api.get("/api/v1/appointments/" + id).json().get("status").asString()).isEqualTo("CANCELLED");

        String newId = moved.json().get("id").asString();
        ApiCalls.Answer noReason = api.post("/api/v1/appointments/" + newId + "/cancel", "{}");
        assertThat(noReason.status()).isEqualTo(422);
        assertThat(noReason.json().get("errors").get(0).get("field").asString()).isEqualTo("reason");
        ApiCalls.Answer cancelled = api.post("/api/v1/appointments/" + newId + "/cancel",
                ApiCalls.json(Map.of("reason", "Patient called")));
        assertThat(cancelled.json().get("status").asString()).isEqualTo("CANCELLED");
    }

    @Test
    void a_taken_slot_is_409_with_other_free_slots() {
        DoctorSummary doctor = clinic.doctor(LocalTime.of(9, 0), LocalTime.of(12, 0), 15, 10);
        List<UUID> two = clinic.patients(2);
        assertThat(api.post("/api/v1/appointments", booking(two.get(0), doctor, "09:00")).status()).isEqualTo(201);

        ApiCalls.Answer taken = api.post("/api/v1/appointments", booking(two.get(1), doctor, "09:00"));

        assertThat(taken.status()).isEqualTo(409);
        assertThat(taken.json().get("type").asString()).endsWith("/conflict");
        assertThat(taken.json().get("nextFreeSlots").get(0).get("start").asString()).isEqualTo("09:15");
    }

    @Test
    void a_past_slot_is_422_naming_the_field() {
        DoctorSummary doctor = clinic.doctor(LocalTime.of(9, 0), LocalTime.of(12, 0), 15, 10);
        ApiCalls.Answer past = api.post("/api/v1/appointments", ApiCalls.json(Map.of(
                "patientId", clinic.patients(1).getFirst().toString(), "doctorId", doctor.id().toString(),
                "date", tomorrow.minusDays(3).toString(), "start", "09:00")));

        assertThat(past.status()).isEqualTo(422);
        assertThat(past.json().get("errors").get(0).get("field").asString()).isEqualTo("start");
    }

    @Test
    void a_move_onto_a_taken_slot_is_a_conflict_offering_the_next_free_slots() {
        DoctorSummary doctor = clinic.doctor(LocalTime.of(9, 0), LocalTime.of(12, 0), 15, 10);
        List<UUID> people = clinic.patients(2);
        assertThat(api.post("/api/v1/appointments", booking(people.get(0), doctor, "10:00")).status()).isEqualTo(201);
        String id = api.post("/api/v1/appointments", booking(people.get(1), doctor, "09:00")).json().get("id")
                .asString();

        ApiCalls.Answer moved = api.post("/api/v1/appointments/" + id + "/move", ApiCalls.json(Map.of(
                "date", tomorrow.toString(), "start", "10:00")));

        assertThat(moved.status()).isEqualTo(409);
        assertThat(moved.json().get("nextFreeSlots").get(0).get("start").asString()).isEqualTo("10:15");
        assertThat(api.get("/api/v1/appointments/" + id).json().get("status").asString()).isEqualTo("SCHEDULED");
    }

    @Test
    void thirty_concurrent_bookings_at_capacity_ten_give_exactly_ten() throws Exception {
        DoctorSummary doctor = clinic.doctor(LocalTime.of(8, 0), LocalTime.of(18, 0), 15, 10);
        List<UUID> people = clinic.patients(30);
        CountDownLatch start = new CountDownLatch(1);
        List<Callable<Integer>> calls = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            String body = booking(people.get(i), doctor, LocalTime.of(8, 0).plusMinutes(15L * i).toString());
            calls.add(() -> {
                start.await();
                return api.post("/api/v1/appointments", body).status();
            });
        }

        List<Integer> statuses = runTogether(calls, start);

        assertThat(statuses).filteredOn(s -> s == 201).hasSize(10);
        assertThat(statuses).filteredOn(s -> s == 409).hasSize(20);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM appointment WHERE doctor_id = ? AND on_date = ?"
                        + " AND status = 'SCHEDULED'").params(doctor.internalId(), tomorrow)
                .query(Long.class).single()).isEqualTo(10);
    }

    @Test
    void the_same_idempotency_key_and_body_books_once_and_answers_the_same() {
        DoctorSummary doctor = clinic.doctor(LocalTime.of(9, 0), LocalTime.of(12, 0), 15, 10);
        String body = booking(clinic.patients(1).getFirst(), doctor, "10:00");
        Map<String, String> key = Map.of("Idempotency-Key", UUID.randomUUID().toString());

        ApiCalls.Answer first = api.post("/api/v1/appointments", body, key);
        ApiCalls.Answer again = api.post("/api/v1/appointments", body, key);

        assertThat(first.status()).isEqualTo(201);
        assertThat(again.status()).isEqualTo(201);
        assertThat(again.raw().body()).isEqualTo(first.raw().body());
        assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(booked(doctor)).isEqualTo(1);
    }

    @Test
    void the_same_idempotency_key_with_another_body_is_422_and_books_nothing_more() {
        DoctorSummary doctor = clinic.doctor(LocalTime.of(9, 0), LocalTime.of(12, 0), 15, 10);
        UUID patient = clinic.patients(1).getFirst();
        Map<String, String> key = Map.of("Idempotency-Key", "booking-" + UUID.randomUUID());
        assertThat(api.post("/api/v1/appointments", booking(patient, doctor, "10:00"), key).status()).isEqualTo(201);

        ApiCalls.Answer other = api.post("/api/v1/appointments", booking(patient, doctor, "11:00"), key);

        assertThat(other.status()).isEqualTo(422);
        assertThat(other.json().get("type").asString()).endsWith("/idempotency-key-reused");
        assertThat(booked(doctor)).isEqualTo(1);
    }

    @Test
    void concurrent_requests_with_one_key_book_once_and_all_answer_the_same_appointment() throws Exception {
        DoctorSummary doctor = clinic.doctor(LocalTime.of(9, 0), LocalTime.of(12, 0), 15, 10);
        String body = booking(clinic.patients(1).getFirst(), doctor, "09:45");
        Map<String, String> key = Map.of("Idempotency-Key", UUID.randomUUID().toString());

        List<ApiCalls.Answer> answers = eightTogether(body, key);

        assertThat(answers).extracting(ApiCalls.Answer::status).containsOnly(201);
        assertThat(answers).extracting(a -> a.json().get("id").asString()).containsOnly(
                answers.getFirst().json().get("id").asString());
        assertThat(booked(doctor)).isEqualTo(1);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM api_idempotency WHERE idempotency_key = ?")
                .param(key.get("Idempotency-Key")).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void concurrent_requests_with_one_key_for_a_taken_slot_are_all_refused_and_leave_no_claim() throws Exception {
        DoctorSummary doctor = clinic.doctor(LocalTime.of(9, 0), LocalTime.of(12, 0), 15, 10);
        List<UUID> two = clinic.patients(2);
        assertThat(api.post("/api/v1/appointments", booking(two.get(0), doctor, "10:30")).status()).isEqualTo(201);
        String body = booking(two.get(1), doctor, "10:30");
        Map<String, String> key = Map.of("Idempotency-Key", UUID.randomUUID().toString());

        List<ApiCalls.Answer> answers = eightTogether(body, key);

        assertThat(answers).extracting(ApiCalls.Answer::status).containsOnly(409);
        assertThat(booked(doctor)).isEqualTo(1);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM api_idempotency WHERE idempotency_key = ?")
                .param(key.get("Idempotency-Key")).query(Long.class).single()).isZero();
    }

    @Test
    void a_key_whose_booking_was_refused_is_free_for_another_booking() {
        DoctorSummary doctor = clinic.doctor(LocalTime.of(9, 0), LocalTime.of(12, 0), 15, 10);
        List<UUID> two = clinic.patients(2);
        assertThat(api.post("/api/v1/appointments", booking(two.get(0), doctor, "11:00")).status()).isEqualTo(201);
        Map<String, String> key = Map.of("Idempotency-Key", "refused-" + UUID.randomUUID());

        ApiCalls.Answer refused = api.post("/api/v1/appointments", booking(two.get(1), doctor, "11:00"), key);
        ApiCalls.Answer other = api.post("/api/v1/appointments", booking(two.get(1), doctor, "11:15"), key);

        assertThat(refused.status()).isEqualTo(409);
        assertThat(other.status()).as(other.raw().body()).isEqualTo(201);
        assertThat(other.header("Idempotent-Replayed")).isEmpty();
        assertThat(booked(doctor)).isEqualTo(2);
    }

    @Test
    void idempotency_keys_are_forgotten_after_a_day_and_then_book_afresh() {
        DoctorSummary doctor = clinic.doctor(LocalTime.of(9, 0), LocalTime.of(12, 0), 15, 10);
        List<UUID> two = clinic.patients(2);
        Map<String, String> key = Map.of("Idempotency-Key", "reused-" + UUID.randomUUID());
        assertThat(api.post("/api/v1/appointments", booking(two.get(0), doctor, "09:00"), key).status())
                .isEqualTo(201);
        jdbc.sql("UPDATE api_idempotency SET created_at = created_at - INTERVAL 25 HOUR WHERE idempotency_key = ?")
                .param(key.get("Idempotency-Key")).update();

        expiry.cleanUp();

        assertThat(jdbc.sql("SELECT COUNT(*) FROM api_idempotency WHERE idempotency_key = ?")
                .param(key.get("Idempotency-Key")).query(Long.class).single()).isZero();
        ApiCalls.Answer fresh = api.post("/api/v1/appointments", booking(two.get(1), doctor, "09:15"), key);
        assertThat(fresh.status()).isEqualTo(201);
        assertThat(fresh.header("Idempotent-Replayed")).isEmpty();
        assertThat(booked(doctor)).isEqualTo(2);
    }

    @Autowired
    IdempotencyExpiry expiry;

    @Test
    void check_in_gives_a_ticket_once_and_the_second_time_is_409() {
        clock.setTimeOfDay(LocalTime.of(8, 0));
        LocalDate today = LocalDate.now(clock.withZone(settings.timeZone()));
        DoctorSummary doctor = clinic.doctor(LocalTime.of(9, 0), LocalTime.of(12, 0), 15, 10);
        String id = api.post("/api/v1/appointments", ApiCalls.json(Map.of("patientId",
                clinic.patients(1).getFirst().toString(), "doctorId", doctor.id().toString(),
                "date", today.toString(), "start", "09:30"))).json().get("id").asString();

        ApiCalls.Answer ticket = api.post("/api/v1/appointments/" + id + "/check-in", null);
        ApiCalls.Answer twice = api.post("/api/v1/appointments/" + id + "/check-in", null);

        assertThat(ticket.status()).as(ticket.raw().body()).isEqualTo(201);
        assertThat(ticket.json().get("token").asString()).endsWith("-001");
        assertThat(ticket.json().get("position").asInt()).isEqualTo(1);
        assertThat(twice.status()).isEqualTo(409);
        assertThat(twice.json().get("detail").asString()).contains("already checked in");
        assertThat(api.get("/api/v1/appointments/" + id).json().get("status").asString()).isEqualTo("CHECKED_IN");
    }

    @Test
    void unknown_ids_are_404() {
        DoctorSummary doctor = clinic.doctor(LocalTime.of(9, 0), LocalTime.of(12, 0), 15, 10);
        UUID random = UUID.randomUUID();

        assertThat(api.get("/api/v1/appointments/" + random).status()).isEqualTo(404);
        assertThat(api.post("/api/v1/appointments/" + random + "/check-in", null).status()).isEqualTo(404);
        assertThat(api.post("/api/v1/appointments/" + random + "/cancel", "{\"reason\":\"x\"}").status())
                .isEqualTo(404);
        assertThat(api.get("/api/v1/doctors/" + random + "/slots?date=" + tomorrow).status()).isEqualTo(404);
        assertThat(api.post("/api/v1/appointments", booking(random, doctor, "09:00")).status()).isEqualTo(404);
        assertThat(api.post("/api/v1/appointments", booking(clinic.patients(1).getFirst(), doctorWithId(random),
                "09:00")).status()).isEqualTo(404);
    }

    private long booked(DoctorSummary doctor) {
        return jdbc.sql("SELECT COUNT(*) FROM appointment WHERE doctor_id = ?").param(doctor.internalId())
                .query(Long.class).single();
    }

    private String booking(UUID patient, DoctorSummary doctor, String start) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("patientId", patient.toString());
        body.put("doctorId", doctor.id().toString());
        body.put("date", tomorrow.toString());
        body.put("start", start);
        return ApiCalls.json(body);
    }

    private static DoctorSummary doctorWithId(UUID id) {
        return new DoctorSummary(id, 0, "", null, "", java.time.Duration.ZERO, 0, "", "", "", true);
    }

    /** The same booking with the same key, sent by eight threads at once. */
    private List<ApiCalls.Answer> eightTogether(String body, Map<String, String> key) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        List<Callable<ApiCalls.Answer>> calls = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            calls.add(() -> {
                start.await();
                return api.post("/api/v1/appointments", body, key);
            });
        }
        return runTogether(calls, start);
    }

    static <T> List<T> runTogether(List<Callable<T>> calls, CountDownLatch start) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(calls.size());
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (Callable<T> call : calls) {
                futures.add(pool.submit(call));
            }
            start.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get());
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }
}
