-- Keys for finding a patient by how the name sounds and by a later word of the family name, written by the
-- application (PatientNameKeys, docs/adr/0016): Java computes them, SQL only looks them up.
--   kind 'G' / 'F': Double Metaphone codes (primary and alternate) of each word of the given / family name, after
--                   folding accents and letters such as ø, ß, ł (Texts.searchKey); '=' + the folded word for words of
--                   scripts the codec does not encode.
--   kind 'W':       each family-name word after the first, followed by the given name, folded ("lopez ana" for
--                   Ana García López): a prefix search for "López" is one index range, already in display order.
CREATE TABLE patient_name_key (
    patient_id BIGINT       NOT NULL,
    kind       CHAR(1)      CHARACTER SET ascii NOT NULL,
    name_key   VARCHAR(201) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
    PRIMARY KEY (patient_id, kind, name_key),
    INDEX ix_patient_name_key_lookup (kind, name_key, patient_id),
    CONSTRAINT fk_patient_name_key_patient FOREIGN KEY (patient_id) REFERENCES patient (id) ON DELETE CASCADE,
    CONSTRAINT ck_patient_name_key_kind CHECK (kind IN ('G', 'F', 'W')),
    CONSTRAINT ck_patient_name_key_not_blank CHECK (CHAR_LENGTH(name_key) > 0)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_uca1400_ai_ci;

-- Which version of the key rules a patient's keys were written with; 0 = not yet. Rows from before this migration
-- (and rows written straight into the table, as the benchmarks do) are filled in by PatientNameKeys.backfill, which
-- walks this index and is idempotent.
ALTER TABLE patient
    ADD COLUMN name_keys_version SMALLINT NOT NULL DEFAULT 0,
    ADD INDEX ix_patient_name_keys_version (name_keys_version, id),
    -- the sound-alike duplicate check starts from the birth date: about 30 patients a day at a million
    ADD INDEX ix_patient_birth_date (birth_date);
