-- The doctor's registration number (GMC or medical council number) is printed on every prescription, so the
-- database holds its shape: 3 to 30 letters, digits, single spaces and dashes, starting and ending with a letter or
-- digit, with at least one digit; unique when present. A doctor added before this rule whose number does not fit
-- keeps none (NULL) until an administrator enters it: the prescription then shows an empty line for it rather than
-- a number a pharmacist cannot check. New doctors and every edit must give one (DoctorRules).
UPDATE doctor SET registration_number = TRIM(REGEXP_REPLACE(registration_number, '[[:space:]]+', ' '));

ALTER TABLE doctor
    DROP CONSTRAINT ck_doctor_registration_number,
    MODIFY registration_number VARCHAR(40) NULL;

UPDATE doctor SET registration_number = NULL
WHERE registration_number NOT REGEXP '^[A-Za-z0-9]([A-Za-z0-9 -]{1,28})[A-Za-z0-9]$'
   OR registration_number NOT REGEXP '[0-9]'
   OR registration_number REGEXP '  ';

ALTER TABLE doctor
    MODIFY registration_number VARCHAR(30) NULL,
    ADD CONSTRAINT ck_doctor_registration_number CHECK (registration_number IS NULL OR (
        registration_number REGEXP '^[A-Za-z0-9][A-Za-z0-9 -]{1,28}[A-Za-z0-9]$'
        AND registration_number REGEXP '[0-9]'
        AND registration_number NOT REGEXP '  '));
