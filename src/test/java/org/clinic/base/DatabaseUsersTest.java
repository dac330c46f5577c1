package org.clinic.base;

import org.clinic.TestClock;
import org.clinic.api.ApiTokenService;
import org.clinic.api.NewApiToken;
import org.clinic.appointment.AppointmentService;
import org.clinic.consultation.Consultation;
import org.clinic.consultation.ConsultationFixtures;
import org.clinic.consultation.ConsultationService;
import org.clinic.doctor.DoctorService;
import org.clinic.doctor.DoctorSummary;
import org.clinic.patient.PatientRecord;
import org.clinic.patient.PatientService;
import org.clinic.patient.TestPatients;
import org.clinic.portal.PortalSeeding;
import org.clinic.queue.QueueService;
import org.clinic.security.Role;
import org.clinic.security.StaffAccountService;
import org.clinic.security.SystemAuthentication;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.test.context.support.WithMockUser;

import java.sql.SQLException;
import java.time.LocalTime;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.clinic.consultation.ConsultationFixtures.as;
import static org.clinic.consultation.ConsultationFixtures.sample;
import static org.clinic.testing.DatabaseAccounts.SIGNALLED;
import static org.clinic.testing.DatabaseAccounts.denied;
import static org.clinic.testing.DatabaseAccounts.owner;
import static org.clinic.testing.DatabaseAccounts.refusal;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Flyway migrates as the schema owner and the application runs as its own user (ADR 0009): the running
 * application's account can add audit rows but never change or delete them, and cannot change the schema; the
 * audit tables' triggers refuse even the owner. Audit tables are found by their comment, so the tables of later
 * migrations are covered without a change here.
 */
@SpringBootTest
@WithMockUser(username = "grace", roles = "RECEPTIONIST")
class DatabaseUsersTest {

    /** The audit tables there were when the two users came; later ones are found by their comment. */
    private static final Set<String> KNOWN_AUDIT_TABLES = Set.of("patient_change", "appointment_event", "queue_event",
            "consultation_addendum", "export_audit", "consultation_version");

    private static final String APP = "'" + EmbeddedMariaDb.APP_USER + "'@'" + EmbeddedMariaDb.HOST + "'";

    @Autowired
    JdbcClient jdbc;
    @Autowired
    Environment environment;
    @Autowired
    StaffAccountService accounts;
    @Autowired
    DoctorService doctors;
    @Autowired
    PatientService patients;
    @Autowired
    AppointmentService appointments;
    @Autowired
    QueueService queue;
    @Autowired
    ConsultationService consultations;
    @Autowired
    TestClock clock;
    @Autowired
    PortalSeeding portalAccounts;
    @Autowired
    ApiTokenService apiTokens;

    @AfterEach
    void realTime() {
        clock.reset();
    }

    @Test
    void the_application_runs_as_its_own_user_and_the_owner_migrated_the_schema() {
        JdbcClient owner = owner(environment);

        assertThat(jdbc.sql("SELECT CURRENT_USER()").query(String.class).single())
                .isEqualTo(EmbeddedMariaDb.APP_USER + "@" + EmbeddedMariaDb.HOST);
        assertThat(owner.sql("SELECT DISTINCT installed_by FROM flyway_schema_history").query(String.class).list())
                .containsExactly(EmbeddedMariaDb.OWNER_USER);
        denied(() -> jdbc.sql("SELECT COUNT(*) FROM flyway_schema_history").query(Long.class).single(),
                "the application reads Flyway's history");
        // a trigger runs with its definer's rights: the owner's, never an account that may go away
        assertThat(owner.sql("SELECT DISTINCT definer FROM information_schema.triggers"
                        + " WHERE trigger_schema = DATABASE()").query(String.class).list())
                .containsExactly(EmbeddedMariaDb.OWNER_USER + "@" + EmbeddedMariaDb.HOST);
    }

    @TestFactory
    Stream<DynamicTest> the_application_may_add_audit_rows_but_never_change_or_delete_them() {
        List<String> auditTables = auditTables();
        assertThat(auditTables).containsAll(KNOWN_AUDIT_TABLES);
        return auditTables.stream().map(table -> DynamicTest.dynamicTest(table, () -> {
            assertThat(privileges(table)).containsExactlyInAnyOrder("SELECT", "INSERT");
            denied(() -> jdbc.sql("DELETE FROM " + table + " WHERE 1 = 0").update(), "DELETE FROM " + table);
            List<String> updatable = owner(environment).sql("SELECT column_name FROM information_schema.columns"
                            + " WHERE table_schema = DATABASE() AND table_name = :t"
                            + " AND column_comment LIKE 'updatable:%'")
                    .param("t", table).query(String.class).list();
            for (String column : columns(table)) {
                if (!updatable.contains(column)) {
                    denied(() -> jdbc.sql("UPDATE " + table + " SET " + column + " = " + column + " WHERE 1 = 0")
                            .update(), "UPDATE " + table + "." + column);
                }
            }
        }));
    }

    @Test
    void other_tables_are_read_and_written_by_the_application_and_flyways_history_is_not() {
        List<String> others = owner(environment).sql("SELECT table_name FROM information_schema.tables"
                        + " WHERE table_schema = DATABASE() AND table_type = 'BASE TABLE'"
                        + " AND table_comment <> :audit AND table_name <> 'flyway_schema_history'")
                .param("audit", DatabaseGrants.AUDIT).query(String.class).list();

        assertThat(others).contains("patient", "consultation", "persistent_logins", "shedlock");
        for (String table : others) {
            assertThat(privileges(table)).as(table).containsExactlyInAnyOrder("SELECT", "INSERT", "UPDATE", "DELETE");
        }
        assertThat(privileges("flyway_schema_history")).isEmpty();
    }

    @Test
    void the_application_cannot_change_the_schema_or_its_own_rights() {
        for (String ddl : List.of("CREATE TABLE audit_probe (id INT)",
                "ALTER TABLE patient_change ADD COLUMN probe INT",
                "ALTER TABLE patient ADD COLUMN probe INT",
                "DROP TABLE patient_change",
                "TRUNCATE TABLE queue_event",
                "DROP TRIGGER tr_patient_change_no_delete",
                "CREATE TRIGGER tr_probe BEFORE INSERT ON patient FOR EACH ROW SET NEW.given_name = 'x'",
                "CREATE VIEW probe AS SELECT 1",
                "GRANT DELETE ON patient_change TO " + APP)) {
            denied(() -> jdbc.sql(ddl).update(), ddl);
        }
    }

    @TestFactory
    Stream<DynamicTest> audit_rows_cannot_be_changed_or_deleted_even_by_the_schema_owner() {
        someAuditRows();
        JdbcClient owner = owner(environment);
        return auditTables().stream().map(table -> DynamicTest.dynamicTest(table, () -> {
            List<String> triggers = owner.sql("SELECT CONCAT(action_timing, ' ', event_manipulation)"
                            + " FROM information_schema.triggers WHERE event_object_schema = DATABASE()"
                            + " AND event_object_table = :t").param("t", table).query(String.class).list();
            assertThat(triggers).contains("BEFORE UPDATE", "BEFORE DELETE");
            long rows = owner.sql("SELECT COUNT(*) FROM " + table).query(Long.class).single();
            assumeTrue(rows > 0, table + " has no row to try");
            String first = columns(table).getFirst();

            SQLException update = refusal(() -> owner.sql("UPDATE " + table + " SET " + first + " = " + first
                    + " LIMIT 1").update());
            SQLException delete = refusal(() -> owner.sql("DELETE FROM " + table + " LIMIT 1").update());

            for (SQLException refused : List.of(update, delete)) {
                assertThat(refused.getErrorCode()).as(refused.getMessage()).isEqualTo(SIGNALLED);
                assertThat(refused.getMessage()).contains(table + " is an append-only audit log");
            }
            assertThat(owner.sql("SELECT COUNT(*) FROM " + table).query(Long.class).single()).isEqualTo(rows);
        }));
    }

    @Test
    void marking_a_queue_event_undone_once_is_the_one_change_an_audit_row_takes() {
        JdbcClient owner = owner(environment);
        long event = queueEvent();

        assertThat(refusal(() -> owner.sql("UPDATE queue_event SET undone = TRUE, note = 'changed' WHERE id = :id")
                .param("id", event).update()).getErrorCode()).isEqualTo(SIGNALLED);
        denied(() -> jdbc.sql("UPDATE queue_event SET note = 'changed' WHERE id = :id").param("id", event).update(),
                "the application changes a note");

        assertThat(jdbc.sql("UPDATE queue_event SET undone = TRUE WHERE id = :id").param("id", event).update())
                .isEqualTo(1);

        assertThat(refusal(() -> owner.sql("UPDATE queue_event SET undone = FALSE WHERE id = :id")
                .param("id", event).update()).getErrorCode()).isEqualTo(SIGNALLED);
    }

    @Test
    void the_undo_trigger_compares_every_column_of_queue_event() {
        String body = owner(environment).sql("SELECT action_statement FROM information_schema.triggers"
                        + " WHERE event_object_schema = DATABASE() AND trigger_name = 'tr_queue_event_no_update'")
                .query(String.class).single();

        assertThat(columns("queue_event")).allSatisfy(column -> assertThat(body)
                .as("tr_queue_event_no_update compares queue_event.%s", column)
                .containsPattern("\\bNEW\\." + column + "\\b").containsPattern("\\bOLD\\." + column + "\\b"));
    }

    // ------------------------------------------------------------------------------------------------ helpers

    private List<String> auditTables() {
        return owner(environment).sql("SELECT table_name FROM information_schema.tables"
                        + " WHERE table_schema = DATABASE() AND table_comment = :audit ORDER BY table_name")
                .param("audit", DatabaseGrants.AUDIT).query(String.class).list();
    }

    private List<String> columns(String table) {
        return owner(environment).sql("SELECT column_name FROM information_schema.columns"
                        + " WHERE table_schema = DATABASE() AND table_name = :t ORDER BY ordinal_position")
                .param("t", table).query(String.class).list();
    }

    /** The application's own table-level privileges on a table, as it sees them. */
    private List<String> privileges(String table) {
        return jdbc.sql("SELECT privilege_type FROM information_schema.table_privileges"
                        + " WHERE table_schema = DATABASE() AND table_name = :t AND grantee = :me")
                .param("t", table).param("me", APP)
                .query(String.class).list();
    }

    /** At least one row in each audit table there was when this test was written, through the services. */
    private void someAuditRows() {
        PatientRecord patient = patients.register(TestPatients.details(), false);
        patients.update(patient.id(), patient.version(), TestPatients.details("Bea", patient.familyName()));
        // Each audit table gets a row here, whichever of the suite's test JVMs ran the tests that write it: a portal
        // account, an API token, and rows written as the application writes them (an INSERT is all it may do).
        SystemAuthentication.runAs(Role.ADMIN, () -> portalAccounts.seedAccount(patient.id(),
                "audit-" + UUID.randomUUID() + "@example.org", "audit-portal-password-1"));
        String token = "audit-" + UUID.randomUUID().toString().substring(0, 8);
        SystemAuthentication.runAs(Role.ADMIN, () -> apiTokens.create(new NewApiToken(token, Role.RECEPTIONIST, null,
                null)));
        jdbc.sql("INSERT INTO authentication_event (occurred_at, kind, reason, username) VALUES (NOW(6), 'SIGNED_IN',"
                + " 'PASSWORD', 'grace')").update();
        jdbc.sql("INSERT INTO clinical_safety_change (patient_id, changed_at, changed_by, item, action, summary)"
                + " SELECT id, NOW(6), 'grace', 'ALERT', 'RECORDED', 'Audit' FROM patient WHERE public_id = :p")
                .param("p", patient.id().toString()).update();
        jdbc.sql("INSERT INTO clinic_setting_change (setting_key, value_before, value_after, changed_by, changed_at)"
                + " VALUES ('clinic.name', 'Before', 'After', 'boss', NOW(6))").update();
        jdbc.sql("INSERT INTO patient_access_log (accessed_at, staff_username, staff_role, what, patient_public_id,"
                + " reason, broke_glass) VALUES (NOW(6), 'grace', 'RECEPTIONIST', 'RECORD', :p, 'Audit', FALSE)")
                .param("p", patient.id().toString()).update();

        var fixtures = new ConsultationFixtures(accounts, doctors, patients, appointments, queue, clock);
        clock.setTimeOfDay(LocalTime.of(9, 0));
        DoctorSummary doctor = fixtures.doctor();
        var arrival = fixtures.checkedIn(doctor, LocalTime.of(9, 30));
        Consultation done = as(doctor.staffUsername(), Role.DOCTOR, () -> {
            Consultation started = consultations.start(arrival.entryId());
            consultations.complete(started.id(), started.version(), sample());
            return consultations.addAddendum(started.id(), "Swab negative.");
        });

        // An export's audit row, written as the application writes it: an INSERT is all it may do.
        long patientId = jdbc.sql("SELECT id FROM patient WHERE public_id = :p").param("p", done.patientId().toString())
                .query(Long.class).single();
        UUID export = UUID.randomUUID();
        jdbc.sql("INSERT INTO history_export (public_id, requested_by, requester_name, kind, patient_id, subject,"
                        + " state, rows_done, rows_total, file_name, created_at, updated_at) VALUES (:id, :by, 'Dr',"
                        + " 'PATIENT', :p, 'Audit', 'CANCELLED', 0, 1, 'x.csv', NOW(6), NOW(6))")
                .param("id", export.toString()).param("by", doctor.staffUsername()).param("p", patientId).update();
        jdbc.sql("INSERT INTO export_audit (export_id, patient_id, exported_by, exported_at, visits)"
                        + " SELECT id, :p, :by, NOW(6), 1 FROM history_export WHERE public_id = :id")
                .param("p", patientId).param("by", doctor.staffUsername()).param("id", export.toString()).update();
    }

    /** A fresh queue event of a walk-in, not undone. */
    private long queueEvent() {
        var fixtures = new ConsultationFixtures(accounts, doctors, patients, appointments, queue, clock);
        var walkIn = fixtures.walkIn(fixtures.doctor());
        return jdbc.sql("SELECT MAX(e.id) FROM queue_event e JOIN queue_entry q ON q.id = e.entry_id"
                        + " WHERE q.public_id = :q AND e.undone = FALSE")
                .param("q", walkIn.entryId().toString()).query(Long.class).single();
    }
}
