package org.clinic.base;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;
import org.springframework.jdbc.core.simple.JdbcClient;

import javax.sql.DataSource;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Migrations meet data: a clinic with history, as the version before visit links left it (V060), is migrated to
 * this version: queue entries of appointments and walk-ins, with a consultation referring to one, which the fresh
 * databases of the other tests never have. (Done by hand on the demo clinic's data, a first V061 gave many walk-ins
 * the same code: MariaDB had drawn the random bytes once for many rows.)
 */
@SpringBootTest
class MigrationUpgradeTest {

    private static final String DAY = "DATE '2026-11-02'";

    @Test
    void a_clinic_with_history_gets_visit_codes_and_booking_codes() {
        String schema = EmbeddedMariaDb.SCRATCH_PREFIX + ThreadLocalRandom.current().nextInt(1_000_000);
        EmbeddedMariaDb db = EmbeddedMariaDb.running();
        JdbcClient owner = JdbcClient.create(source(db.jdbcUrl("")));
        owner.sql("CREATE DATABASE " + schema + " CHARACTER SET utf8mb4 COLLATE utf8mb4_uca1400_ai_ci").update();
        try {
            DataSource upgrade = source(db.jdbcUrl(schema));
            flyway(upgrade).target("60").load().migrate();
            JdbcClient sql = JdbcClient.create(upgrade);
            history(sql);

            flyway(upgrade).load().migrate();

            assertThat(sql.sql("SELECT COUNT(DISTINCT visit_code) FROM queue_entry").query(Long.class).single())
                    .as("every entry its own code").isEqualTo(4);
            assertThat(sql.sql("SELECT COUNT(*) FROM queue_entry q JOIN appointment a ON a.id = q.appointment_id"
                    + " WHERE q.visit_code = a.visit_code").query(Long.class).single())
                    .as("the appointment's first entry has the appointment's code").isEqualTo(1);
            assertThat(sql.sql("SELECT booking_code FROM appointment").query(String.class).list())
                    .singleElement().satisfies(code -> assertThat(code).matches("[2-9A-HJKMNP-Z]{7}"));
            assertThat(sql.sql("SELECT COUNT(*) FROM consultation").query(Long.class).single()).isEqualTo(1);
        } finally {
            owner.sql("DROP DATABASE " + schema).update();
        }
    }

    /** One doctor, two patients; an appointment and its queue entry, three walk-ins, a consultation. */
    private static void history(JdbcClient sql) {
        for (String statement : List.of(
                "INSERT INTO staff_account (id, public_id, username, display_name, password_hash, role, created_at)"
                        + " VALUES (1, UUID(), 'dr.upgrade', 'Dr Upgrade', '{noop}x', 'DOCTOR', NOW(6))",
                "INSERT INTO specialty (id, public_id, name) VALUES (1, UUID(), 'General practice')",
                "INSERT INTO doctor (id, public_id, staff_username, display_name, specialty_id, email,"
                        + " registration_number, room, slot_minutes, daily_capacity)"
                        + " VALUES (1, UUID(), 'dr.upgrade', 'Dr Upgrade', 1, 'dr@example.org', 'GMC1', 'A', 15, 20)",
                patient(1, "10000001", "Ada"),
                patient(2, "10000002", "Ben"),
                "INSERT INTO appointment (id, public_id, request_id, patient_id, doctor_id, on_date, starts_at, ends_at,"
                        + " kind, status, booked_at, booked_by) VALUES (1, UUID(), UUID(), 1, 1, " + DAY
                        + ", '09:00', '09:15', 'NEW', 'COMPLETED', NOW(6), 'reception')",
                entry(1, 2, "1", null, "DONE"),
                entry(2, 1, "2", 1, "DONE"),
                entry(3, 2, "3", null, "LEFT"),
                entry(4, 2, "4", null, "DONE"),
                "INSERT INTO consultation (id, public_id, queue_entry_id, appointment_id, patient_id, doctor_id, status,"
                        + " visit_date, started_at, started_by, saved_at, saved_by)"
                        + " VALUES (1, UUID(), 2, 1, 1, 1, 'DRAFT', " + DAY + ", NOW(6), 'dr.upgrade', NOW(6),"
                        + " 'dr.upgrade')")) {
            sql.sql(statement).update();
        }
    }

    private static String patient(int id, String mrn, String given) {
        return "INSERT INTO patient (id, public_id, mrn, given_name, family_name, birth_date, sex, registered_at,"
                + " search_family_first, search_given_first) VALUES (" + id + ", UUID(), '" + mrn + "', '" + given
                + "', 'Upgrade', DATE '1980-01-01', 'FEMALE', NOW(6), 'upgrade " + given.toLowerCase() + "', '"
                + given.toLowerCase() + " upgrade')";
    }

    private static String entry(int id, int patient, String number, Integer appointment, String status) {
        return "INSERT INTO queue_entry (id, public_id, on_date, token_line, token_number, token, line, place,"
                + " doctor_id, specialty_id, patient_id, initials, appointment_id, lane, status, arrived_at)"
                + " VALUES (" + id + ", UUID(), " + DAY + ", 'doctor:1', " + number + ", 'A-00" + number
                + "', 'doctor:1', " + number + "00, 1, 1, " + patient + ", 'AU', " + appointment + ", 'REGULAR', '"
                + status + "', NOW(6))";
    }

    private static org.flywaydb.core.api.configuration.FluentConfiguration flyway(DataSource source) {
        return Flyway.configure().dataSource(source).locations("classpath:db/migration");
    }

    private static DataSource source(String url) {
        return new SimpleDriverDataSource(new org.mariadb.jdbc.Driver(), url, EmbeddedMariaDb.OWNER_USER,
                EmbeddedMariaDb.OWNER_PASSWORD);
    }
}
