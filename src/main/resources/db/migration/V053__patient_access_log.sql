-- Every read of a patient's data: who (user name and role), what (record, history, consultation, summary, print,
-- export; later the API and the portal), which patient, when (UTC) and why ("care", or the reason given to break the
-- glass). Written by the reading service in the reading transaction; never changed or deleted.
-- No foreign key to patient: the security module owns this table and knows no patients, and a key check would cost
-- a shared lock on the patient row at every read.
CREATE TABLE patient_access_log (
    id                 BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    accessed_at        TIMESTAMP(6)  NOT NULL,
    staff_username     VARCHAR(100)  NOT NULL,
    staff_role         VARCHAR(20)   NOT NULL,
    what               VARCHAR(20)   NOT NULL,
    patient_public_id  UUID          NOT NULL,
    patient_id         BIGINT        NULL,
    reason             VARCHAR(300)  NOT NULL,
    broke_glass        BOOLEAN       NOT NULL,
    CONSTRAINT ck_patient_access_log_what CHECK (what IN ('RECORD', 'HISTORY', 'CONSULTATION', 'SUMMARY', 'PRINT',
        'EXPORT', 'API', 'PORTAL')),
    CONSTRAINT ck_patient_access_log_reason CHECK (CHAR_LENGTH(TRIM(reason)) > 0),
    -- a broken glass always says why, in at least five characters
    CONSTRAINT ck_patient_access_log_glass CHECK (NOT broke_glass OR CHAR_LENGTH(TRIM(reason)) >= 5),
    -- "who looked at this patient" and "what did this person look at", newest first, each one index range
    INDEX ix_patient_access_log_patient (patient_public_id, accessed_at),
    INDEX ix_patient_access_log_staff (staff_username, accessed_at),
    INDEX ix_patient_access_log_time (accessed_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_uca1400_ai_ci COMMENT = 'append-only audit';

CREATE TRIGGER tr_patient_access_log_no_update BEFORE UPDATE ON patient_access_log FOR EACH ROW
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'patient_access_log is an append-only audit log';

CREATE TRIGGER tr_patient_access_log_no_delete BEFORE DELETE ON patient_access_log FOR EACH ROW
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'patient_access_log is an append-only audit log';
