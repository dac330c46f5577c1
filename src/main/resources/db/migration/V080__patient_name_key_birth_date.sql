-- The sound-alike duplicate check (docs/adr/0017) as one index range: each name key carries its patient's birth
-- date, so the keys of everyone born on one day sit side by side in ix_patient_name_key_birth_date (about 30
-- patients, a page or two at a million) instead of one primary-key page per patient.
--
-- The copy cannot drift: the foreign key (birth_date, patient_id) -> patient (birth_date, id) refuses a key with
-- another date, and ON UPDATE CASCADE carries a corrected birth date into the keys in the same statement. It takes
-- the place of the foreign key on patient_id alone, delete cascade included. ix_patient_birth_date is declared as
-- (birth_date, id) so the foreign key can name it: the same entries InnoDB stored for (birth_date) already.
ALTER TABLE patient
    DROP INDEX ix_patient_birth_date,
    ADD INDEX ix_patient_birth_date (birth_date, id);

ALTER TABLE patient_name_key
    ADD COLUMN birth_date DATE NULL AFTER patient_id;

UPDATE patient_name_key k JOIN patient p ON p.id = k.patient_id SET k.birth_date = p.birth_date;

ALTER TABLE patient_name_key
    MODIFY birth_date DATE NOT NULL,
    DROP FOREIGN KEY fk_patient_name_key_patient,
    ADD INDEX ix_patient_name_key_birth_date (birth_date, patient_id, kind, name_key),
    ADD CONSTRAINT fk_patient_name_key_patient_birth_date FOREIGN KEY (birth_date, patient_id)
        REFERENCES patient (birth_date, id) ON DELETE CASCADE ON UPDATE CASCADE;
