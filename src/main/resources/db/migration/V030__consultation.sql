-- Consultations: one per queue visit (and so per appointment), a draft while the doctor writes, locked once
-- completed. Vitals are structured values with plausible ranges (the same as ConsultationRules); corrections after
-- completion are addenda in their own table, so the original text stays.
CREATE TABLE consultation (
    id                        BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    public_id                 UUID         NOT NULL,
    -- the queue visit it was started from; NULL only for a past visit recorded from earlier notes (completed at once)
    queue_entry_id            BIGINT       NULL,
    appointment_id            BIGINT       NULL,
    patient_id                BIGINT       NOT NULL,
    doctor_id                 BIGINT       NOT NULL,
    status                    VARCHAR(12)  NOT NULL,
    visit_date                DATE         NOT NULL,
    started_at                TIMESTAMP(6) NOT NULL,
    started_by                VARCHAR(50)  NOT NULL,
    saved_at                  TIMESTAMP(6) NOT NULL,
    saved_by                  VARCHAR(50)  NOT NULL,
    completed_at              TIMESTAMP(6) NULL,
    completed_by              VARCHAR(50)  NULL,
    -- vitals: blood pressure mmHg, pulse /min, temperature °C, SpO2 %, respiratory rate /min, weight kg, height cm
    systolic                  SMALLINT     NULL,
    diastolic                 SMALLINT     NULL,
    pulse                     SMALLINT     NULL,
    temperature               DECIMAL(3,1) NULL,
    spo2                      SMALLINT     NULL,
    respiratory_rate          SMALLINT     NULL,
    weight_kg                 DECIMAL(4,1) NULL,
    height_cm                 DECIMAL(4,1) NULL,
    chief_complaint           VARCHAR(500) NULL,
    history_notes             TEXT         NULL,
    examination_notes         TEXT         NULL,
    diagnosis                 VARCHAR(500) NULL,
    diagnosis_code            VARCHAR(10)  NULL,
    advice                    TEXT         NULL,
    follow_up_on              DATE         NULL,
    follow_up_note            VARCHAR(300) NULL,
    follow_up_appointment_id  BIGINT       NULL,
    version                   BIGINT       NOT NULL DEFAULT 0,
    CONSTRAINT uk_consultation_public_id UNIQUE (public_id),
    -- one consultation per visit and per appointment (UNIQUE ignores NULLs)
    CONSTRAINT uk_consultation_queue_entry UNIQUE (queue_entry_id),
    CONSTRAINT uk_consultation_appointment UNIQUE (appointment_id),
    CONSTRAINT fk_consultation_queue_entry FOREIGN KEY (queue_entry_id) REFERENCES queue_entry (id),
    CONSTRAINT fk_consultation_appointment FOREIGN KEY (appointment_id) REFERENCES appointment (id),
    CONSTRAINT fk_consultation_patient FOREIGN KEY (patient_id) REFERENCES patient (id),
    CONSTRAINT fk_consultation_doctor FOREIGN KEY (doctor_id) REFERENCES doctor (id),
    CONSTRAINT fk_consultation_follow_up FOREIGN KEY (follow_up_appointment_id) REFERENCES appointment (id),
    CONSTRAINT ck_consultation_status CHECK (status IN ('DRAFT', 'COMPLETED')),
    CONSTRAINT ck_consultation_completed CHECK ((status = 'COMPLETED') = (completed_at IS NOT NULL
        AND completed_by IS NOT NULL)),
    CONSTRAINT ck_consultation_systolic CHECK (systolic BETWEEN 50 AND 260),
    CONSTRAINT ck_consultation_diastolic CHECK (diastolic BETWEEN 30 AND 160),
    CONSTRAINT ck_consultation_pressure CHECK (systolic IS NULL OR diastolic IS NULL OR diastolic < systolic),
    CONSTRAINT ck_consultation_pulse CHECK (pulse BETWEEN 20 AND 250),
    CONSTRAINT ck_consultation_temperature CHECK (temperature BETWEEN 30.0 AND 44.0),
    CONSTRAINT ck_consultation_spo2 CHECK (spo2 BETWEEN 50 AND 100),
    CONSTRAINT ck_consultation_respiratory_rate CHECK (respiratory_rate BETWEEN 4 AND 60),
    CONSTRAINT ck_consultation_weight CHECK (weight_kg BETWEEN 0.5 AND 350.0),
    CONSTRAINT ck_consultation_height CHECK (height_cm BETWEEN 30.0 AND 250.0),
    CONSTRAINT ck_consultation_version CHECK (version >= 0),
    INDEX ix_consultation_patient (patient_id, status, started_at),
    INDEX ix_consultation_doctor (doctor_id, status)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_uca1400_ai_ci;

-- The prescription, one row per medicine, in the order written. A draft's line may be half typed; completion
-- requires medicine, dose, frequency and duration (the service checks, and the lines are locked from then on).
CREATE TABLE prescription_line (
    id               BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    consultation_id  BIGINT       NOT NULL,
    position         INT          NOT NULL,
    medicine         VARCHAR(120) NULL,
    strength         VARCHAR(60)  NULL,
    dose             VARCHAR(60)  NULL,
    frequency        VARCHAR(60)  NULL,
    duration         VARCHAR(60)  NULL,
    instructions     VARCHAR(300) NULL,
    CONSTRAINT uk_prescription_line UNIQUE (consultation_id, position),
    CONSTRAINT fk_prescription_line_consultation FOREIGN KEY (consultation_id) REFERENCES consultation (id),
    CONSTRAINT ck_prescription_line_position CHECK (position > 0),
    CONSTRAINT ck_prescription_line_filled CHECK (COALESCE(medicine, strength, dose, frequency, duration,
        instructions) IS NOT NULL)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_uca1400_ai_ci;

-- Append-only corrections of a completed consultation: who, when, what.
CREATE TABLE consultation_addendum (
    id               BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    consultation_id  BIGINT        NOT NULL,
    written_at       TIMESTAMP(6)  NOT NULL,
    written_by       VARCHAR(50)   NOT NULL,
    author_name      VARCHAR(100)  NOT NULL,
    body             TEXT          NOT NULL,
    CONSTRAINT fk_consultation_addendum_consultation FOREIGN KEY (consultation_id) REFERENCES consultation (id),
    CONSTRAINT ck_consultation_addendum_body CHECK (CHAR_LENGTH(TRIM(body)) > 0),
    INDEX ix_consultation_addendum (consultation_id, written_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_uca1400_ai_ci;

-- A completed consultation is locked in the database too: its clinical content and its prescription cannot change,
-- whoever writes. Only the link to a follow-up booked afterwards may be set.
DELIMITER $$

CREATE TRIGGER tr_consultation_locked BEFORE UPDATE ON consultation FOR EACH ROW
BEGIN
    IF OLD.status = 'COMPLETED' AND NOT (NEW.status <=> OLD.status AND NEW.systolic <=> OLD.systolic
            AND NEW.diastolic <=> OLD.diastolic AND NEW.pulse <=> OLD.pulse AND NEW.temperature <=> OLD.temperature
            AND NEW.spo2 <=> OLD.spo2 AND NEW.respiratory_rate <=> OLD.respiratory_rate
            AND NEW.weight_kg <=> OLD.weight_kg AND NEW.height_cm <=> OLD.height_cm
            AND NEW.chief_complaint <=> OLD.chief_complaint AND NEW.history_notes <=> OLD.history_notes
            AND NEW.examination_notes <=> OLD.examination_notes AND NEW.diagnosis <=> OLD.diagnosis
            AND NEW.diagnosis_code <=> OLD.diagnosis_code AND NEW.advice <=> OLD.advice
            AND NEW.follow_up_on <=> OLD.follow_up_on AND NEW.follow_up_note <=> OLD.follow_up_note
            AND NEW.completed_at <=> OLD.completed_at AND NEW.completed_by <=> OLD.completed_by) THEN
        SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'A completed consultation is locked; add an addendum instead';
    END IF;
END$$

CREATE TRIGGER tr_prescription_line_insert_locked BEFORE INSERT ON prescription_line FOR EACH ROW
BEGIN
    IF (SELECT status FROM consultation WHERE id = NEW.consultation_id) = 'COMPLETED' THEN
        SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'A completed consultation is locked; add an addendum instead';
    END IF;
END$$

CREATE TRIGGER tr_prescription_line_update_locked BEFORE UPDATE ON prescription_line FOR EACH ROW
BEGIN
    IF (SELECT status FROM consultation WHERE id = OLD.consultation_id) = 'COMPLETED' THEN
        SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'A completed consultation is locked; add an addendum instead';
    END IF;
END$$

CREATE TRIGGER tr_prescription_line_delete_locked BEFORE DELETE ON prescription_line FOR EACH ROW
BEGIN
    IF (SELECT status FROM consultation WHERE id = OLD.consultation_id) = 'COMPLETED' THEN
        SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'A completed consultation is locked; add an addendum instead';
    END IF;
END$$

DELIMITER ;
