package org.clinic.patient;

import org.junit.jupiter.api.BeforeAll;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link PatientSearchPlanTest}'s plan checks, every one of them, against the benchmark's database of 1 M patients
 * (with their sound and later-word keys) instead of the few thousand the test suite writes: what MariaDB's optimizer
 * chooses at the size the registry is meant for. Run after the benchmark that fills it:
 * {@code ./mvnw -Pbenchmark verify -Dtest=PatientSearchPlanAtScaleBenchmark} once
 * {@code ./mvnw -Pbenchmark verify -Dtest=PatientSearchBenchmark} has run.
 */
class PatientSearchPlanAtScaleBenchmark extends PatientSearchPlanTest {

    @BeforeAll
    void a_million_patients_with_their_keys() {
        long patients = jdbc.sql("SELECT COUNT(*) FROM patient").query(Long.class).single();
        long keyed = jdbc.sql("SELECT COUNT(DISTINCT patient_id) FROM patient_name_key").query(Long.class).single();
        System.out.printf("plan checks at %,d patients, %,d with name keys%n", patients, keyed);
        assertThat(patients).as("patients (PatientSearchBenchmark generates them)").isGreaterThanOrEqualTo(1_000_000);
        assertThat(keyed).as("patients with name keys").isGreaterThanOrEqualTo(patients * 99 / 100);
    }
}
