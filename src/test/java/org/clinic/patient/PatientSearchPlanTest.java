package org.clinic.patient;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.clinic.testing.DatabaseAccounts.owner;

/**
 * Every query the registry search can run must be index-backed: this fails as soon as MariaDB's plan for one of
 * them reads a whole table ({@code type = ALL}), or walks an index further than the page it needs.
 */
@SpringBootTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PatientSearchPlanTest {

    @Autowired
    PatientSearch search;
    @Autowired
    PatientNameKeys keys;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Environment environment;

    @BeforeAll
    void enough_patients_for_the_optimizer_to_care() {
        long existing = jdbc.sql("SELECT COUNT(*) FROM patient").query(Long.class).single();
        if (existing < 5_000) {
            // A realistic spread of names and phones, written in one statement with MariaDB's sequence engine (as the
            // schema owner: the sequence engine needs a grant on its table names that the application's user has not).
            owner(environment).sql("""
                    INSERT INTO patient (public_id, mrn, given_name, family_name, search_family_first,
                                         search_given_first, birth_date, sex, phone, status, registered_at)
                    SELECT UUID(), CONCAT('8', LPAD(seq, 7, '0')), g, f, LOWER(CONCAT(f, ' ', g)), LOWER(CONCAT(g, ' ', f)),
                           DATE_SUB('2000-01-01', INTERVAL seq % 20000 DAY), 'FEMALE',
                           CONCAT('+4411349', LPAD(seq, 5, '0')), 'ACTIVE', NOW()
                    FROM (SELECT seq, ELT(1 + seq % 7, 'Anna', 'Omar', 'Mei', 'Jose', 'Ngozi', 'Soren', 'Priya') AS g,
                                 CONCAT(ELT(1 + seq % 9, 'Smith', 'Garcia', 'Muller', 'Chen', 'Okafor', 'Haddad',
                                            'Kowalski', 'Nguyen', 'Lopez'), CHAR(97 + seq % 26),
                                        CHAR(97 + (seq DIV 26) % 26)) AS f
                          FROM seq_1_to_6000) names""").update();
            // their sound and later-word keys, as the backfill at start writes them for rows inserted by SQL
            keys.backfill();
            jdbc.sql("ANALYZE TABLE patient").query().listOfRows();
            jdbc.sql("ANALYZE TABLE patient_name_key").query().listOfRows();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "s", "l", "L", "ch", "smith", "Smithab anna", "anna smi", "muller", "chen, mei", "MÜLLER",
            "lopez", "López Ana", "garcia lopez",
            "0113 496", "+44 113 496 00", "8000", "8000-0123", "%", "' or 1=1"})
    void search_queries_never_scan_a_whole_table(String text) {
        for (int offset : new int[]{0, 200}) {
            PatientSearch.Query query = search.plan(text, offset, 50);
            var statement = jdbc.sql("EXPLAIN " + query.sql());
            query.parameters().forEach(statement::param);
            List<Map<String, Object>> plan = statement.query().listOfRows();

            assertThat(plan).as("plan for '%s'", text).allSatisfy(row -> {
                String table = String.valueOf(row.get("table"));
                if (!table.startsWith("<")) { // <derived2> is the few rows the branches returned
                    assertThat(row.get("type")).as("access to %s for '%s': %s", table, text, row).isNotEqualTo("ALL");
                    if ("index".equals(row.get("type"))) { // walking an index in order is fine only if LIMIT stops it
                        assertThat(Long.parseLong(String.valueOf(row.get("rows")))).as("rows read for '%s': %s", text, row)
                                .isLessThanOrEqualTo(offset + 50L);
                    }
                }
            });
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"+442079460123"})
    void the_duplicate_checks_use_indexes_too(String phone) {
        for (String sql : new String[]{
                "EXPLAIN SELECT " + PatientSearch.COLUMNS + " FROM patient p WHERE p.phone = '" + phone + "' LIMIT 20",
                "EXPLAIN SELECT " + PatientSearch.COLUMNS + " FROM patient p WHERE p.search_family_first = 'smith anna'"
                        + " AND p.birth_date = '1980-01-01' LIMIT 20"}) {
            assertThat(jdbc.sql(sql).query().listOfRows()).allSatisfy(row ->
                    assertThat(row.get("type")).as(sql).isNotIn("ALL", "index"));
        }
    }

    @Test
    void the_sound_alike_duplicate_check_is_one_range_of_the_birth_date_key_index() {
        String sql = "EXPLAIN " + PatientSearch.SOUNDING_LIKE;
        List<Map<String, Object>> plan = jdbc.sql(sql).param("birthDate", java.time.LocalDate.of(1990, 5, 17))
                .param("given", NameKeys.sounds("Tarik")).param("family", NameKeys.sounds("Naser"))
                .query().listOfRows();

        assertThat(plan).as(sql).allSatisfy(row -> { // <derived2> is the at most 20 patients that matched
            if (!String.valueOf(row.get("table")).startsWith("<")) {
                assertThat(row.get("type")).as("%s", row).isNotIn("ALL", "index");
            }
        });
        // the keys of everyone born that day, matched inside the index without reading the key table's rows
        assertThat(plan).as("%s", plan).anySatisfy(row -> {
            assertThat(row.get("table")).isEqualTo("patient_name_key");
            assertThat(row.get("key")).isEqualTo("ix_patient_name_key_birth_date");
            assertThat(String.valueOf(row.get("Extra"))).contains("Using index");
        });
        // only the patients that matched are read from the table, each by its primary key
        assertThat(plan).as("%s", plan).anySatisfy(row -> {
            assertThat(row.get("table")).isEqualTo("p");
            assertThat(row.get("type")).isEqualTo("eq_ref");
            assertThat(row.get("key")).isEqualTo("PRIMARY");
        });
    }
}
