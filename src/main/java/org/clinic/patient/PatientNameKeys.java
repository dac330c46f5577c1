package org.clinic.patient;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Keeps {@code patient_name_key} in step with the patients' names ({@link NameKeys}): the service rewrites a
 * patient's keys in the same transaction as every registration and name change, and {@link #backfill()} writes them
 * for rows that have none yet (patients from before the keys existed, rows inserted by SQL). The backfill is
 * idempotent: it walks {@code ix_patient_name_keys_version} for rows whose keys are older than
 * {@link NameKeys#VERSION}, a batch per transaction, so a restart or a second node simply continues.
 *
 * @see "docs/adr/0016-sound-alike-names-and-later-words.md"
 */
@Component
class PatientNameKeys {

    static final int BATCH = 1_000;
    private static final Logger log = LoggerFactory.getLogger(PatientNameKeys.class);

    private final JdbcClient jdbc;
    private final JdbcTemplate batchJdbc;
    private final TransactionTemplate batches;

    PatientNameKeys(JdbcClient jdbc, JdbcTemplate batchJdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.batchJdbc = batchJdbc;
        this.batches = new TransactionTemplate(transactions);
    }

    /**
     * Replaces the patient's keys; call inside the transaction that registers or renames the patient, after the
     * patient's row is written: each key carries the birth date, and a foreign key holds it to the patient's.
     */
    void write(long patientId, String givenName, String familyName, LocalDate birthDate) {
        replace(List.of(new Name(patientId, givenName, familyName, birthDate)));
    }

    /** Writes the keys of every patient whose keys are missing or older than the current rules; returns how many. */
    long backfill() {
        long done = 0;
        while (true) {
            Integer written = batches.execute(status -> {
                List<Name> names = jdbc.sql("SELECT id, given_name, family_name, birth_date FROM patient"
                                + " FORCE INDEX (ix_patient_name_keys_version)"
                                + " WHERE name_keys_version < :version ORDER BY name_keys_version, id LIMIT :batch"
                                + " FOR UPDATE SKIP LOCKED")
                        .param("version", NameKeys.VERSION).param("batch", BATCH)
                        .query(Name.class).list();
                replace(names);
                return names.size();
            });
            if (written == null || written == 0) {
                return done;
            }
            done += written;
        }
    }

    @EventListener(ApplicationReadyEvent.class)
    void backfillAtStart() {
        long written = backfill();
        if (written > 0) {
            log.info("Wrote the name keys of {} patients", written);
        }
    }

    private void replace(List<Name> names) {
        if (names.isEmpty()) {
            return;
        }
        List<Long> ids = names.stream().map(Name::id).toList();
        jdbc.sql("DELETE FROM patient_name_key WHERE patient_id IN (:ids)").param("ids", ids).update();
        List<Object[]> rows = new ArrayList<>();
        for (Name name : names) {
            for (NameKeys.Key key : NameKeys.of(name.givenName(), name.familyName())) {
                rows.add(new Object[]{name.id(), name.birthDate(), String.valueOf(key.kind()), key.key()});
            }
        }
        batchJdbc.batchUpdate("INSERT INTO patient_name_key (patient_id, birth_date, kind, name_key)"
                + " VALUES (?, ?, ?, ?)", rows);
        jdbc.sql("UPDATE patient SET name_keys_version = :version WHERE id IN (:ids)")
                .param("version", NameKeys.VERSION).param("ids", ids).update();
    }

    record Name(long id, String givenName, String familyName, LocalDate birthDate) {
    }
}
