package org.clinic.statistics;

import org.clinic.appointment.TestClinic;
import org.clinic.doctor.DoctorService;
import org.clinic.doctor.DoctorSummary;
import org.clinic.patient.PatientService;
import org.clinic.security.StaffAccountService;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.clinic.testing.DatabaseAccounts.owner;

/**
 * Every big-table query of the dashboard must be a range of its statistics index, read from the index alone: this
 * fails as soon as MariaDB's plan for one of them reads a whole table ({@code type = ALL}), walks a whole index, or
 * has to fetch the rows.
 */
@SpringBootTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StatisticsPlanTest {

    private static final LocalDate FIRST = LocalDate.of(1995, 1, 1);

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

    @BeforeAll
    void years_of_appointments_for_the_optimizer_to_care() {
        if (jdbc.sql("SELECT COUNT(*) FROM appointment WHERE on_date < '2000-01-01'").query(Long.class).single() > 0) {
            return;
        }
        DoctorSummary doctor = new TestClinic(accounts, doctors, patients).doctor(LocalTime.of(8, 0), LocalTime.of(18, 0),
                15, 40);
        long patient = jdbc.sql("SELECT id FROM patient WHERE public_id = ?")
                .param(new TestClinic(accounts, doctors, patients).patients(1).getFirst()).query(Long.class).single();
        long specialty = jdbc.sql("SELECT specialty_id FROM doctor WHERE id = ?").param(doctor.internalId())
                .query(Long.class).single();
        // 20 a day for 1 000 days, each with its visit in the queue, in one statement each (MariaDB's sequence engine,
        // which needs a grant on its table names that the application's user has not: written as the schema owner)
        owner(environment).sql("""
                INSERT INTO appointment (public_id, request_id, patient_id, doctor_id, on_date, starts_at, ends_at, kind,
                                         status, booked_at, booked_by)
                SELECT UUID(), UUID(), :patient, :doctor, DATE_ADD(:first, INTERVAL seq DIV 20 DAY),
                       SEC_TO_TIME(28800 + (seq MOD 20) * 900), SEC_TO_TIME(29700 + (seq MOD 20) * 900), 'NEW',
                       ELT(1 + seq MOD 10, 'CANCELLED', 'NO_SHOW', 'COMPLETED', 'COMPLETED', 'COMPLETED', 'COMPLETED',
                           'COMPLETED', 'COMPLETED', 'COMPLETED', 'COMPLETED'), NOW(6), 'test'
                FROM seq_0_to_19999""")
                .param("patient", patient).param("doctor", doctor.internalId()).param("first", FIRST).update();
        jdbc.sql("""
                INSERT INTO doctor_day (doctor_id, on_date, capacity, booked)
                SELECT doctor_id, on_date, 40, COUNT(*) FROM appointment
                WHERE doctor_id = :doctor AND status NOT IN ('CANCELLED', 'NO_SHOW') GROUP BY doctor_id, on_date""")
                .param("doctor", doctor.internalId()).update();
        jdbc.sql("""
                INSERT INTO queue_entry (public_id, on_date, token_line, token_number, token, line, place, doctor_id,
                                         specialty_id, patient_id, initials, appointment_id, lane, status, arrived_at,
                                         called_at)
                SELECT UUID(), a.on_date, CONCAT('doctor:', a.doctor_id), n, CONCAT('P-', n), CONCAT('doctor:', a.doctor_id),
                       n, a.doctor_id, :specialty, a.patient_id, 'A. B.', a.id, 'REGULAR', 'DONE',
                       TIMESTAMP(a.on_date, a.starts_at), TIMESTAMP(a.on_date, a.starts_at) + INTERVAL 12 MINUTE
                FROM (SELECT id, on_date, doctor_id, patient_id, starts_at,
                             1 + (TIME_TO_SEC(starts_at) - 28800) DIV 900 AS n
                      FROM appointment WHERE doctor_id = :doctor AND status = 'COMPLETED') a""")
                .param("specialty", specialty).param("doctor", doctor.internalId()).update();
        jdbc.sql("ANALYZE TABLE appointment, queue_entry").query().listOfRows();
    }

    @ParameterizedTest
    @ValueSource(strings = {"today appointments", "today queue", "history appointments", "history queue"})
    void the_dashboards_queries_read_a_range_of_their_index_alone(String query) {
        LocalDate day = FIRST.plusDays(500);
        var statement = switch (query) {
            case "today appointments" -> jdbc.sql("EXPLAIN " + StatisticsQueries.APPOINTMENTS_OF_DAY).param("day", day);
            case "today queue" -> jdbc.sql("EXPLAIN " + StatisticsQueries.QUEUE_OF_DAY).param("day", day);
            case "history appointments" -> jdbc.sql("EXPLAIN " + StatisticsQueries.APPOINTMENTS_OF_DAYS)
                    .param("from", day.minusDays(29)).param("to", day);
            default -> jdbc.sql("EXPLAIN " + StatisticsQueries.QUEUE_OF_DAYS)
                    .param("from", day.minusDays(29)).param("to", day);
        };
        List<Map<String, Object>> plan = statement.query().listOfRows();

        assertThat(plan).as(query).singleElement().satisfies(row -> {
            assertThat(row.get("type")).as("access: %s", row).isIn("ref", "range");
            assertThat(String.valueOf(row.get("key"))).as("index: %s", row)
                    .isIn("ix_appointment_statistics", "ix_queue_entry_statistics");
            assertThat(String.valueOf(row.get("Extra"))).as("covering: %s", row).contains("Using index");
            assertThat(Long.parseLong(String.valueOf(row.get("rows")))).as("rows read: %s", row)
                    .isLessThanOrEqualTo(30 * 20 * 2);
        });
    }
}
