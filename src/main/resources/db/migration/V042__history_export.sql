-- Exports of patients' visit histories (CSV), produced in the background and kept in the database so any node can
-- serve the download and show the progress. A running export holds its subject in running_key (NULL otherwise), so a
-- second request for the same subject by the same person while one runs is refused by the database, and the service
-- shows the running one instead.
CREATE TABLE history_export (
    id              BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    public_id       UUID          NOT NULL,
    requested_by    VARCHAR(100)  NOT NULL,
    requester_name  VARCHAR(100)  NOT NULL,
    kind            VARCHAR(12)   NOT NULL,
    patient_id      BIGINT        NULL,
    doctor_id       BIGINT        NULL,
    from_date       DATE          NULL,
    to_date         DATE          NULL,
    -- what the export covers, as the Exports screen names it ("Anna Smith · MRN …", "Dr Chen · 1–30 Nov 2026")
    subject         VARCHAR(200)  NOT NULL,
    state           VARCHAR(10)   NOT NULL,
    rows_done       INT           NOT NULL DEFAULT 0,
    rows_total      INT           NULL,
    file            LONGBLOB      NULL,
    file_name       VARCHAR(120)  NOT NULL,
    created_at      TIMESTAMP(6)  NOT NULL,
    -- the last sign of life of the job; a RUNNING export that has not moved for long lost its node
    updated_at      TIMESTAMP(6)  NOT NULL,
    finished_at     TIMESTAMP(6)  NULL,
    expires_at      TIMESTAMP(6)  NULL,
    error           VARCHAR(500)  NULL,
    running_key     VARCHAR(200)  AS (CASE WHEN state = 'RUNNING' THEN CONCAT_WS('|', requested_by, kind,
                        IFNULL(patient_id, '-'), IFNULL(doctor_id, '-'), IFNULL(from_date, '-'),
                        IFNULL(to_date, '-')) END) PERSISTENT,
    CONSTRAINT uk_history_export_public_id UNIQUE (public_id),
    CONSTRAINT uk_history_export_running UNIQUE (running_key),
    CONSTRAINT fk_history_export_patient FOREIGN KEY (patient_id) REFERENCES patient (id),
    CONSTRAINT fk_history_export_doctor FOREIGN KEY (doctor_id) REFERENCES doctor (id),
    CONSTRAINT ck_history_export_kind CHECK (kind IN ('PATIENT', 'DOCTOR_RANGE')),
    CONSTRAINT ck_history_export_subject CHECK ((kind = 'PATIENT' AND patient_id IS NOT NULL AND doctor_id IS NULL)
        OR (kind = 'DOCTOR_RANGE' AND doctor_id IS NOT NULL AND from_date IS NOT NULL AND to_date >= from_date)),
    CONSTRAINT ck_history_export_state CHECK (state IN ('RUNNING', 'READY', 'CANCELLED', 'FAILED', 'EXPIRED')),
    CONSTRAINT ck_history_export_rows CHECK (rows_done >= 0 AND (rows_total IS NULL OR rows_done <= rows_total)),
    -- only a ready export has a file, and it says until when
    CONSTRAINT ck_history_export_file CHECK ((state = 'READY') = (file IS NOT NULL) AND (state <> 'READY' OR expires_at IS NOT NULL)),
    CONSTRAINT ck_history_export_error CHECK (state <> 'FAILED' OR error IS NOT NULL),
    INDEX ix_history_export_requester (requested_by, created_at),
    INDEX ix_history_export_created (created_at),
    INDEX ix_history_export_due (state, expires_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_uca1400_ai_ci;

-- Who exported whose records, and when: one row per patient in each produced file, so "who has taken this patient's
-- history out of the clinic?" is one indexed lookup. Written with the file, never changed or deleted.
CREATE TABLE export_audit (
    id              BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    export_id       BIGINT        NOT NULL,
    patient_id      BIGINT        NOT NULL,
    exported_by     VARCHAR(100)  NOT NULL,
    exported_at     TIMESTAMP(6)  NOT NULL,
    visits          INT           NOT NULL,
    CONSTRAINT uk_export_audit UNIQUE (export_id, patient_id),
    CONSTRAINT fk_export_audit_export FOREIGN KEY (export_id) REFERENCES history_export (id),
    CONSTRAINT fk_export_audit_patient FOREIGN KEY (patient_id) REFERENCES patient (id),
    INDEX ix_export_audit_patient (patient_id, exported_at),
    INDEX ix_export_audit_by (exported_by, exported_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_uca1400_ai_ci;
