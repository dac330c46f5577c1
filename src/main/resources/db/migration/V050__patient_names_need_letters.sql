-- A name needs at least two letters (or is one character of a script where a character is a whole syllable, 王):
-- accents, dots, hyphens and apostrophes alone do not make a name. PatientRules asks the same of the form and service.
ALTER TABLE patient
    DROP CONSTRAINT ck_patient_given_name,
    DROP CONSTRAINT ck_patient_family_name,
    ADD CONSTRAINT ck_patient_given_name CHECK (given_name = TRIM(given_name) AND CHAR_LENGTH(given_name) <= 100
        AND (given_name REGEXP '\\p{L}.*\\p{L}' OR given_name REGEXP '^[\\p{Han}\\p{Hangul}\\p{Hiragana}\\p{Katakana}]$')),
    ADD CONSTRAINT ck_patient_family_name CHECK (family_name = TRIM(family_name) AND CHAR_LENGTH(family_name) <= 100
        AND (family_name REGEXP '\\p{L}.*\\p{L}' OR family_name REGEXP '^[\\p{Han}\\p{Hangul}\\p{Hiragana}\\p{Katakana}]$'));
