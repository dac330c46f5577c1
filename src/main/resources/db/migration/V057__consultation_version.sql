-- Every save of a consultation as it was saved: who, when, and the full content the doctor wrote (vitals, notes,
-- diagnosis, prescription, follow-up) as JSON. The consultation row holds only the latest draft; this keeps each one,
-- and the completing save, so the history of a visit before completion is not lost. Append-only (ADR 0009).
CREATE TABLE consultation_version (
    id               BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    consultation_id  BIGINT       NOT NULL,
    -- the consultation's version once this save was written
    version          BIGINT       NOT NULL,
    saved_at         TIMESTAMP(6) NOT NULL,
    saved_by         VARCHAR(50)  NOT NULL,
    -- this save completed the consultation
    completing       BOOLEAN      NOT NULL,
    content          JSON         NOT NULL,
    CONSTRAINT uk_consultation_version UNIQUE (consultation_id, version),
    CONSTRAINT fk_consultation_version_consultation FOREIGN KEY (consultation_id) REFERENCES consultation (id),
    CONSTRAINT ck_consultation_version_version CHECK (version > 0)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_uca1400_ai_ci COMMENT = 'append-only audit';

CREATE TRIGGER tr_consultation_version_no_update BEFORE UPDATE ON consultation_version FOR EACH ROW
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'consultation_version is an append-only audit log';
CREATE TRIGGER tr_consultation_version_no_delete BEFORE DELETE ON consultation_version FOR EACH ROW
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'consultation_version is an append-only audit log';
