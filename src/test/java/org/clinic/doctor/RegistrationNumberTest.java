package org.clinic.doctor;

import org.clinic.appointment.TestClinic;
import org.clinic.base.EmbeddedMariaDb;
import org.clinic.base.RuleViolation;
import org.clinic.patient.PatientService;
import org.clinic.security.CreateStaffAccount;
import org.clinic.security.Role;
import org.clinic.security.StaffAccountService;
import org.clinic.security.SystemAuthentication;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

import javax.sql.DataSource;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The doctor's registration number, printed on every prescription: its shape in the rules, the service and the
 * database, unique even when two administrators add the same number at once, and what V073 does to numbers entered
 * before the rule.
 */
@SpringBootTest
class RegistrationNumberTest {

    @Autowired
    DoctorService doctors;
    @Autowired
    StaffAccountService accounts;
    @Autowired
    PatientService patients;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    org.springframework.context.ApplicationEventPublisher events;

    private java.util.UUID specialty;

    @org.junit.jupiter.api.BeforeEach
    void a_specialty() {
        specialty = clinic().doctor(LocalTime.of(9, 0), LocalTime.of(10, 0), 15, 10).specialty().id();
    }

    @Test
    void the_rule_takes_council_numbers_and_refuses_what_a_pharmacist_could_not_check() {
        for (String good : List.of("GMC 7123456", "7123456", "MCI-12345", "abc1", "IMC 2012 04567", "A12")) {
            assertThat(DoctorRules.registrationNumberProblem(good)).as(good).isEmpty();
        }
        assertThat(DoctorRules.registrationNumberProblem("  GMC   7123456 ")).isEmpty();
        assertThat(DoctorRules.normalisedRegistrationNumber("  GMC   7123456 ")).isEqualTo("GMC 7123456");
        assertThat(DoctorRules.registrationNumberProblem(null)).get().asString().contains("Enter the registration");
        assertThat(DoctorRules.registrationNumberProblem("   ")).get().asString().contains("Enter the registration");
        assertThat(DoctorRules.registrationNumberProblem("12")).get().asString().contains("3–30");
        assertThat(DoctorRules.registrationNumberProblem("1".repeat(31))).get().asString().contains("3–30");
        for (String bad : List.of("GMC/123", "GMC#123", "-1234", "1234-", "GMC.123", "GMC_123", "Ř1234", "<b>123")) {
            assertThat(DoctorRules.registrationNumberProblem(bad)).as(bad).get().asString()
                    .contains("letters, digits, spaces and dashes");
        }
        assertThat(DoctorRules.registrationNumberProblem("GMC-ABC")).get().asString().contains("contains digits");
        assertThat(DoctorRules.registrationNumberProblem("GMC\u200b123")).isPresent();
    }

    @Test
    void the_service_refuses_a_bad_or_taken_number_and_writes_nothing() {
        DoctorSummary existing = clinic().doctor(LocalTime.of(9, 0), LocalTime.of(12, 0), 15, 10);
        String username = doctorAccount();
        assertThatThrownBy(() -> add(username, "GMC/1234"))
                .isInstanceOfSatisfying(RuleViolation.class, v -> assertThat(v.problems())
                        .anySatisfy(p -> assertThat(p.field()).isEqualTo("registrationNumber")));
        assertThatThrownBy(() -> add(username, existing.registrationNumber().toLowerCase()))
                .isInstanceOfSatisfying(RuleViolation.class, v -> assertThat(v.problems())
                        .anySatisfy(p -> assertThat(p.message()).isEqualTo("Another doctor has this registration number")));
        assertThat(doctorCount(username)).isZero();

        DoctorSummary added = add(username, "  GMC  " + username.substring(3) + " ");
        assertThat(added.registrationNumber()).isEqualTo("GMC " + username.substring(3));
        DoctorRecord record = SystemAuthentication.runAs(Role.ADMIN, () -> doctors.doctorRecord(added.id()));
        assertThatThrownBy(() -> SystemAuthentication.runAs(Role.ADMIN, () -> doctors.updateDoctor(added.id(),
                record.version(), new DoctorChanges(record.displayName(), record.specialty().id(), record.email(),
                        "", record.room(), record.slotMinutes(), record.dailyCapacity()))))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("Enter the registration number");
        assertThat(SystemAuthentication.runAs(Role.ADMIN, () -> doctors.doctorRecord(added.id())).registrationNumber())
                .isEqualTo("GMC " + username.substring(3));
    }

    @Test
    void a_doctor_left_without_a_number_by_the_upgrade_is_given_one_at_the_next_edit() {
        DoctorSummary doctor = clinic().doctor(LocalTime.of(9, 0), LocalTime.of(12, 0), 15, 10);
        jdbc.sql("UPDATE doctor SET registration_number = NULL WHERE id = :id").param("id", doctor.internalId())
                .update(); // as V073 leaves a misshapen number
        events.publishEvent(new org.clinic.doctor.DoctorsChanged()); // what the doctors' caches drop on
        DoctorRecord legacy = SystemAuthentication.runAs(Role.ADMIN, () -> doctors.doctorRecord(doctor.id()));
        assertThat(legacy.registrationNumber()).isNull();

        assertThatThrownBy(() -> SystemAuthentication.runAs(Role.ADMIN, () -> doctors.updateDoctor(doctor.id(),
                legacy.version(), changes(legacy, null))))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("Enter the registration number");
        DoctorRecord fixed = SystemAuthentication.runAs(Role.ADMIN, () -> doctors.updateDoctor(doctor.id(),
                legacy.version(), changes(legacy, "GMC 1" + doctor.internalId())));
        assertThat(fixed.registrationNumber()).isEqualTo("GMC 1" + doctor.internalId());
    }

    private static DoctorChanges changes(DoctorRecord record, String registrationNumber) {
        return new DoctorChanges(record.displayName(), record.specialty().id(), record.email(), registrationNumber,
                record.room(), record.slotMinutes(), record.dailyCapacity());
    }

    @Test
    void the_database_refuses_a_misshapen_number_whoever_writes_it() {
        DoctorSummary doctor = clinic().doctor(LocalTime.of(9, 0), LocalTime.of(12, 0), 15, 10);
        for (String bad : List.of("GMC/1234", "ab", "GMC-ABC", " GMC 1234", "GMC  1234", "1".repeat(31))) {
            assertThatThrownBy(() -> jdbc.sql("UPDATE doctor SET registration_number = :r WHERE id = :id")
                    .param("r", bad).param("id", doctor.internalId()).update())
                    .as(bad).isInstanceOf(DataIntegrityViolationException.class);
        }
        assertThat(jdbc.sql("SELECT registration_number FROM doctor WHERE id = :id").param("id", doctor.internalId())
                .query(String.class).single()).isEqualTo(doctor.registrationNumber());
    }

    @Test
    void two_administrators_adding_the_same_number_at_once_leave_one_doctor_with_it() throws Exception {
        String number = "GMC " + ThreadLocalRandom.current().nextInt(10_000_000, 99_999_999);
        List<String> usernames = List.of(doctorAccount(), doctorAccount(), doctorAccount(), doctorAccount());
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(usernames.size());
        try {
            List<Future<String>> results = new ArrayList<>();
            for (String username : usernames) {
                Callable<String> adding = () -> {
                    start.await();
                    try {
                        add(username, number);
                        return "added";
                    } catch (RuleViolation refused) {
                        return refused.problems().getFirst().field() + ": " + refused.problems().getFirst().message();
                    }
                };
                results.add(pool.submit(adding));
            }
            start.countDown();
            List<String> outcomes = new ArrayList<>();
            for (Future<String> result : results) {
                outcomes.add(result.get());
            }
            assertThat(outcomes).filteredOn("added"::equals).hasSize(1);
            assertThat(outcomes).filteredOn(o -> !o.equals("added"))
                    .allMatch(o -> o.equals("registrationNumber: Another doctor has this registration number"));
        } finally {
            pool.shutdownNow();
        }
        assertThat(jdbc.sql("SELECT COUNT(*) FROM doctor WHERE registration_number = :r").param("r", number)
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void numbers_entered_before_the_rule_are_tidied_and_the_unusable_ones_left_for_an_administrator() {
        String schema = EmbeddedMariaDb.SCRATCH_PREFIX + ThreadLocalRandom.current().nextInt(1_000_000);
        EmbeddedMariaDb db = EmbeddedMariaDb.running();
        JdbcClient owner = JdbcClient.create(source(db.jdbcUrl("")));
        owner.sql("CREATE DATABASE " + schema + " CHARACTER SET utf8mb4 COLLATE utf8mb4_uca1400_ai_ci").update();
        try {
            DataSource upgrade = source(db.jdbcUrl(schema));
            Flyway.configure().dataSource(upgrade).locations("classpath:db/migration").target("69").load().migrate();
            JdbcClient sql = JdbcClient.create(upgrade);
            sql.sql("INSERT INTO specialty (id, public_id, name) VALUES (1, UUID(), 'General practice')").update();
            String[][] before = {{"1", " GMC   7123456 "}, {"2", "KMC/2012/123"}, {"3", "x"}, {"4", "MCI-12345"},
                    {"5", "REGISTRATION NUMBER TO FOLLOW LATER 1"}};
            for (String[] doctor : before) {
                String n = doctor[0];
                sql.sql("INSERT INTO staff_account (id, public_id, username, display_name, password_hash, role,"
                        + " created_at) VALUES (" + n + ", UUID(), 'dr" + n + "', 'Dr " + n + "', '{noop}x', 'DOCTOR',"
                        + " NOW(6))").update();
                sql.sql("INSERT INTO doctor (id, public_id, staff_username, display_name, specialty_id, email,"
                        + " registration_number, room, slot_minutes, daily_capacity) VALUES (" + n + ", UUID(), 'dr"
                        + n + "', 'Dr " + n + "', 1, 'dr" + n + "@example.org', :r, 'A', 15, 20)")
                        .param("r", doctor[1]).update();
            }

            Flyway.configure().dataSource(upgrade).locations("classpath:db/migration").load().migrate();

            assertThat(sql.sql("SELECT registration_number FROM doctor ORDER BY id").query(String.class).list())
                    .containsExactly("GMC 7123456", null, null, "MCI-12345", null);
        } finally {
            owner.sql("DROP DATABASE " + schema).update();
        }
    }

    private DoctorSummary add(String username, String registrationNumber) {
        return SystemAuthentication.runAs(Role.ADMIN, () -> doctors.addDoctor(new NewDoctor(username,
                "Dr Registration Test", specialty, username + "@clinic.example.org", registrationNumber, "R", 15, 10)));
    }

    private String doctorAccount() {
        String username = "reg" + ThreadLocalRandom.current().nextInt(10_000_000, 99_999_999);
        SystemAuthentication.runAs(Role.ADMIN, () -> accounts.create(new CreateStaffAccount(username,
                "Dr Registration Test", "doctor-password", Role.DOCTOR)));
        return username;
    }

    private long doctorCount(String username) {
        return jdbc.sql("SELECT COUNT(*) FROM doctor WHERE staff_username = :u").param("u", username)
                .query(Long.class).single();
    }

    private TestClinic clinic() {
        return new TestClinic(accounts, doctors, patients);
    }

    private static DataSource source(String url) {
        return new SimpleDriverDataSource(new org.mariadb.jdbc.Driver(), url, EmbeddedMariaDb.OWNER_USER,
                EmbeddedMariaDb.OWNER_PASSWORD);
    }
}
