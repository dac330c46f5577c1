package org.clinic.api;

import org.clinic.TestClock;
import org.clinic.appointment.TestClinic;
import org.clinic.base.ClinicSettings;
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
import tools.jackson.databind.JsonNode;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** A doctor's queue, calling the next patient and "now calling" over real HTTP. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class QueueApiTest {

    @LocalServerPort
    int port;
    @Autowired
    ApiTokenService tokens;
    @Autowired
    StaffAccountService accounts;
    @Autowired
    DoctorService doctors;
    @Autowired
    PatientService patients;
    @Autowired
    TestClock clock;
    @Autowired
    ClinicSettings settings;

    private TestClinic clinic;
    private ApiCalls reception;

    @BeforeEach
    void morning() {
        clock.setTimeOfDay(LocalTime.of(8, 30));
        clinic = new TestClinic(accounts, doctors, patients);
        reception = new ApiCalls(port, new ApiFixtures(tokens).reception().secret());
    }

    @AfterEach
    void realTime() {
        clock.reset();
    }

    @Test
    void the_queue_shows_checked_in_patients_without_clinical_content_and_the_doctor_calls_them() {
        DoctorSummary doctor = clinic.doctor(LocalTime.of(9, 0), LocalTime.of(12, 0), 15, 10);
        String appointment = book(doctor, "09:15");
        String token = reception.post("/api/v1/appointments/" + appointment + "/check-in", null).json()
                .get("token").asString();

        JsonNode queue = reception.get("/api/v1/doctors/" + doctor.id() + "/queue").json();
        assertThat(queue.get("waiting").get(0).get("token").asString()).isEqualTo(token);
        assertThat(queue.get("waiting").get(0).propertyNames()).noneMatch(name -> PatientsApiTest.CLINICAL.stream()
                .anyMatch(name.toLowerCase()::contains)).doesNotContain("visitReason", "priorityReason");

        ApiCalls doctorApi = reception.as(new ApiFixtures(tokens).doctor(doctor).secret());
        ApiCalls.Answer called = doctorApi.post("/api/v1/doctors/" + doctor.id() + "/queue/call-next", null);
        assertThat(called.status()).as(called.raw().body()).isEqualTo(200);
        assertThat(called.json().get("status").asString()).isEqualTo("CALLED");

        JsonNode calling = reception.get("/api/v1/doctors/" + doctor.id() + "/now-calling").json();
        assertThat(calling.get("calls").get(0).get("token").asString()).isEqualTo(token);
        assertThat(calling.get("calls").get(0).get("room").asString()).isEqualTo(doctor.room());
        ApiCalls.Answer again = doctorApi.post("/api/v1/doctors/" + doctor.id() + "/queue/call-next", null);
        assertThat(again.status()).as("one patient at a time, as on the doctor's screen").isEqualTo(422);
        assertThat(again.json().get("detail").asString()).contains(token);
        DoctorSummary idle = clinic.doctor(LocalTime.of(9, 0), LocalTime.of(12, 0), 15, 10);
        assertThat(reception.post("/api/v1/doctors/" + idle.id() + "/queue/call-next", null).status())
                .as("nobody waits").isEqualTo(204);
    }

    @Test
    void a_doctors_token_works_only_its_own_doctors_queue() {
        DoctorSummary mine = clinic.doctor(LocalTime.of(9, 0), LocalTime.of(12, 0), 15, 10);
        DoctorSummary other = clinic.doctor(LocalTime.of(9, 0), LocalTime.of(12, 0), 15, 10);
        ApiCalls doctorApi = reception.as(new ApiFixtures(tokens).doctor(mine).secret());

        assertThat(doctorApi.get("/api/v1/doctors/" + mine.id() + "/queue").status()).isEqualTo(200);
        assertThat(doctorApi.get("/api/v1/doctors/" + other.id() + "/queue").status()).isEqualTo(403);
        assertThat(doctorApi.post("/api/v1/doctors/" + other.id() + "/queue/call-next", null).status())
                .isEqualTo(403);
    }

    @Test
    void specialties_doctors_and_unknown_doctors() {
        DoctorSummary doctor = clinic.doctor(LocalTime.of(9, 0), LocalTime.of(12, 0), 15, 10);

        JsonNode specialties = reception.get("/api/v1/specialties").json();
        assertThat(specialties.valueStream().map(s -> s.get("id").asString()))
                .contains(doctor.specialty().id().toString());
        JsonNode listed = reception.get("/api/v1/doctors?specialtyId=" + doctor.specialty().id()).json();
        assertThat(listed.valueStream().map(d -> d.get("id").asString())).contains(doctor.id().toString());
        assertThat(listed.get(0).propertyNames()).doesNotContain("internalId", "staffUsername", "email");
        assertThat(reception.get("/api/v1/doctors/" + doctor.id()).json().get("slotMinutes").asInt()).isEqualTo(15);
        assertThat(reception.get("/api/v1/doctors/" + UUID.randomUUID()).status()).isEqualTo(404);
        assertThat(reception.get("/api/v1/doctors/" + UUID.randomUUID() + "/queue").status()).isEqualTo(404);
        assertThat(reception.get("/api/v1/doctors/" + UUID.randomUUID() + "/now-calling").status()).isEqualTo(404);
    }

    private String book(DoctorSummary doctor, String start) {
        LocalDate today = LocalDate.now(clock.withZone(settings.timeZone()));
        ApiCalls.Answer booked = reception.post("/api/v1/appointments", ApiCalls.json(Map.of(
                "patientId", clinic.patients(1).getFirst().toString(), "doctorId", doctor.id().toString(),
                "date", today.toString(), "start", start)));
        assertThat(booked.status()).as(booked.raw().body()).isEqualTo(201);
        return booked.json().get("id").asString();
    }
}
