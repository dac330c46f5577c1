-- Reads of a patient's allergies, alerts and problem list (org.clinic.clinical) are logged as their own kind.
ALTER TABLE patient_access_log DROP CONSTRAINT ck_patient_access_log_what;
ALTER TABLE patient_access_log ADD CONSTRAINT ck_patient_access_log_what CHECK (what IN ('RECORD', 'HISTORY',
    'CONSULTATION', 'SUMMARY', 'PRINT', 'EXPORT', 'API', 'PORTAL', 'SAFETY'));
