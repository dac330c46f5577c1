-- What a doctor must know before deciding: the patient's allergies, alerts for the care team and the problem list
-- (org.clinic.clinical). Each row says who recorded it and when; a row is never deleted: an allergy is resolved or
-- marked entered in error, an alert ended, a problem resolved, and every change is also kept in
-- clinical_safety_change below.

-- Whether the patient was asked about allergies at all. No row, or UNKNOWN: not asked yet ("Allergies not yet
-- recorded", a prompt to ask); NO_KNOWN: asked, none known; HAS_ALLERGIES: at least one active allergy. The service
-- locks this row before every allergy change of the patient, and the triggers below keep it in step with the rows.
CREATE TABLE allergy_status (
    patient_id BIGINT       NOT NULL PRIMARY KEY,
    status     VARCHAR(15)  NOT NULL,
    changed_at TIMESTAMP(6) NOT NULL,
    changed_by VARCHAR(100) NOT NULL,
    CONSTRAINT fk_allergy_status_patient FOREIGN KEY (patient_id) REFERENCES patient (id),
    CONSTRAINT ck_allergy_status_status CHECK (status IN ('UNKNOWN', 'NO_KNOWN', 'HAS_ALLERGIES'))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_uca1400_ai_ci;

-- One allergy or intolerance. The severity list is the one of HL7 FHIR's AllergyIntolerance.reaction.severity
-- (mild, moderate, severe) with life-threatening added, as clinics record anaphylaxis apart. active_substance holds
-- the substance while the allergy is active: with the table's accent- and case-insensitive collation, the unique key
-- refuses a second active "penicillin" for the same patient however it is spelt in case and accents.
CREATE TABLE allergy (
    id               BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    public_id        UUID         NOT NULL,
    patient_id       BIGINT       NOT NULL,
    substance        VARCHAR(120) NOT NULL,
    reaction         VARCHAR(300) NULL,
    severity         VARCHAR(20)  NOT NULL,
    status           VARCHAR(20)  NOT NULL DEFAULT 'ACTIVE',
    recorded_at      TIMESTAMP(6) NOT NULL,
    recorded_by      VARCHAR(100) NOT NULL,
    changed_at       TIMESTAMP(6) NOT NULL,
    changed_by       VARCHAR(100) NOT NULL,
    active_substance VARCHAR(120) AS (IF(status = 'ACTIVE', substance, NULL)) PERSISTENT,
    CONSTRAINT uk_allergy_public_id UNIQUE (public_id),
    CONSTRAINT uk_allergy_active_substance UNIQUE (patient_id, active_substance),
    CONSTRAINT fk_allergy_patient FOREIGN KEY (patient_id) REFERENCES patient (id),
    CONSTRAINT ck_allergy_substance CHECK (CHAR_LENGTH(TRIM(substance)) > 0),
    CONSTRAINT ck_allergy_reaction CHECK (reaction IS NULL OR CHAR_LENGTH(TRIM(reaction)) > 0),
    CONSTRAINT ck_allergy_severity CHECK (severity IN ('MILD', 'MODERATE', 'SEVERE', 'LIFE_THREATENING')),
    CONSTRAINT ck_allergy_status CHECK (status IN ('ACTIVE', 'RESOLVED', 'ENTERED_IN_ERROR'))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_uca1400_ai_ci;

-- An alert for the care team: what the waiting-room call and the room must allow for. Non-clinical alerts
-- (clinical = FALSE) are for reception too; clinical ones for doctors only. An interpreter alert names the language,
-- an "other" alert says what.
CREATE TABLE care_alert (
    id          BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    public_id   UUID         NOT NULL,
    patient_id  BIGINT       NOT NULL,
    kind        VARCHAR(20)  NOT NULL,
    detail      VARCHAR(200) NULL,
    clinical    BOOLEAN      NOT NULL,
    status      VARCHAR(20)  NOT NULL DEFAULT 'ACTIVE',
    recorded_at TIMESTAMP(6) NOT NULL,
    recorded_by VARCHAR(100) NOT NULL,
    changed_at  TIMESTAMP(6) NOT NULL,
    changed_by  VARCHAR(100) NOT NULL,
    CONSTRAINT uk_care_alert_public_id UNIQUE (public_id),
    CONSTRAINT fk_care_alert_patient FOREIGN KEY (patient_id) REFERENCES patient (id),
    CONSTRAINT ck_care_alert_kind CHECK (kind IN ('INTERPRETER', 'WHEELCHAIR', 'HARD_OF_HEARING',
        'VISUALLY_IMPAIRED', 'OTHER')),
    CONSTRAINT ck_care_alert_detail CHECK (IF(kind IN ('INTERPRETER', 'OTHER'),
        detail IS NOT NULL AND CHAR_LENGTH(TRIM(detail)) > 0, detail IS NULL OR CHAR_LENGTH(TRIM(detail)) > 0)),
    CONSTRAINT ck_care_alert_status CHECK (status IN ('ACTIVE', 'RESOLVED', 'ENTERED_IN_ERROR')),
    INDEX ix_care_alert_patient (patient_id, status)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_uca1400_ai_ci;

-- A condition of the problem list, coded in ICD-10 from the clinic's list (org/clinic/clinical/diagnoses.tsv),
-- with the code's title as it read when recorded. One active entry per code and patient. The onset lies in the past
-- (the trigger below; CHECK constraints may not read the date).
CREATE TABLE problem (
    id           BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    public_id    UUID         NOT NULL,
    patient_id   BIGINT       NOT NULL,
    code         VARCHAR(10)  NOT NULL,
    title        VARCHAR(200) NOT NULL,
    onset_on     DATE         NULL,
    status       VARCHAR(20)  NOT NULL DEFAULT 'ACTIVE',
    recorded_at  TIMESTAMP(6) NOT NULL,
    recorded_by  VARCHAR(100) NOT NULL,
    changed_at   TIMESTAMP(6) NOT NULL,
    changed_by   VARCHAR(100) NOT NULL,
    active_code  VARCHAR(10)  AS (IF(status = 'ACTIVE', code, NULL)) PERSISTENT,
    CONSTRAINT uk_problem_public_id UNIQUE (public_id),
    CONSTRAINT uk_problem_active_code UNIQUE (patient_id, active_code),
    CONSTRAINT fk_problem_patient FOREIGN KEY (patient_id) REFERENCES patient (id),
    CONSTRAINT ck_problem_code CHECK (code REGEXP '^[A-Z][0-9]{2}(\\.[0-9A-Z]{1,4})?$'),
    CONSTRAINT ck_problem_title CHECK (CHAR_LENGTH(TRIM(title)) > 0),
    CONSTRAINT ck_problem_onset CHECK (onset_on IS NULL OR onset_on >= DATE '1900-01-01'),
    CONSTRAINT ck_problem_status CHECK (status IN ('ACTIVE', 'RESOLVED', 'ENTERED_IN_ERROR'))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_uca1400_ai_ci;

-- Every change to a patient's allergies, alerts and problems, and every prescription written against an active
-- allergy (OVERRIDDEN: which allergy, which medicine, in which consultation, why): who, when, what. Written in the
-- changing transaction; never changed or deleted.
CREATE TABLE clinical_safety_change (
    id              BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    patient_id      BIGINT       NOT NULL,
    changed_at      TIMESTAMP(6) NOT NULL,
    changed_by      VARCHAR(100) NOT NULL,
    item            VARCHAR(15)  NOT NULL,
    item_public_id  UUID         NULL,
    action          VARCHAR(20)  NOT NULL,
    summary         VARCHAR(500) NOT NULL,
    medicine        VARCHAR(120) NULL,
    reason          VARCHAR(300) NULL,
    consultation_public_id UUID  NULL,
    CONSTRAINT fk_clinical_safety_change_patient FOREIGN KEY (patient_id) REFERENCES patient (id),
    CONSTRAINT ck_clinical_safety_change_item CHECK (item IN ('ALLERGY', 'ALLERGY_STATUS', 'ALERT', 'PROBLEM')),
    CONSTRAINT ck_clinical_safety_change_action CHECK (action IN ('RECORDED', 'RESOLVED', 'ENTERED_IN_ERROR',
        'NO_KNOWN', 'UNKNOWN', 'OVERRIDDEN')),
    CONSTRAINT ck_clinical_safety_change_override CHECK (action <> 'OVERRIDDEN' OR (medicine IS NOT NULL
        AND CHAR_LENGTH(TRIM(reason)) > 0 AND consultation_public_id IS NOT NULL AND item_public_id IS NOT NULL)),
    INDEX ix_clinical_safety_change_patient (patient_id, id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_uca1400_ai_ci COMMENT = 'append-only audit';

CREATE TRIGGER tr_clinical_safety_change_no_update BEFORE UPDATE ON clinical_safety_change FOR EACH ROW
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'clinical_safety_change is an append-only audit log';

CREATE TRIGGER tr_clinical_safety_change_no_delete BEFORE DELETE ON clinical_safety_change FOR EACH ROW
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'clinical_safety_change is an append-only audit log';

DELIMITER $$

-- "No known allergies" and an active allergy contradict each other: an active allergy needs HAS_ALLERGIES first
-- (the service sets it in the same transaction), and NO_KNOWN is refused while one is active.
CREATE TRIGGER tr_allergy_insert_needs_status BEFORE INSERT ON allergy FOR EACH ROW
BEGIN
    IF NEW.status = 'ACTIVE' AND NOT EXISTS (SELECT 1 FROM allergy_status s WHERE s.patient_id = NEW.patient_id
            AND s.status = 'HAS_ALLERGIES') THEN
        SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'an active allergy needs allergy_status HAS_ALLERGIES';
    END IF;
END$$

CREATE TRIGGER tr_allergy_update_keeps_facts BEFORE UPDATE ON allergy FOR EACH ROW
BEGIN
    -- only the status changes, and only away from ACTIVE: what was recorded stays as recorded
    IF NOT (NEW.patient_id <=> OLD.patient_id AND NEW.substance <=> OLD.substance
            AND NEW.severity <=> OLD.severity AND NEW.reaction <=> OLD.reaction
            AND NEW.recorded_at <=> OLD.recorded_at AND NEW.recorded_by <=> OLD.recorded_by
            AND (NEW.status = OLD.status OR OLD.status = 'ACTIVE')) THEN
        SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'an allergy keeps what was recorded; only an active one changes status';
    END IF;
END$$

CREATE TRIGGER tr_allergy_status_insert BEFORE INSERT ON allergy_status FOR EACH ROW
BEGIN
    IF NEW.status <> 'HAS_ALLERGIES' AND EXISTS (SELECT 1 FROM allergy a WHERE a.patient_id = NEW.patient_id
            AND a.status = 'ACTIVE') THEN
        SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'the patient has active allergies';
    END IF;
END$$

CREATE TRIGGER tr_allergy_status_update BEFORE UPDATE ON allergy_status FOR EACH ROW
BEGIN
    IF NEW.status <> 'HAS_ALLERGIES' AND EXISTS (SELECT 1 FROM allergy a WHERE a.patient_id = NEW.patient_id
            AND a.status = 'ACTIVE') THEN
        SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'the patient has active allergies';
    END IF;
END$$

CREATE TRIGGER tr_problem_onset_insert BEFORE INSERT ON problem FOR EACH ROW
BEGIN
    -- a day of slack for a clinic east of the database's clock
    IF NEW.onset_on > CURRENT_DATE + INTERVAL 1 DAY THEN
        SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'a problem cannot begin in the future';
    END IF;
END$$

CREATE TRIGGER tr_problem_update_keeps_facts BEFORE UPDATE ON problem FOR EACH ROW
BEGIN
    IF NOT (NEW.patient_id <=> OLD.patient_id AND NEW.code <=> OLD.code AND NEW.title <=> OLD.title
            AND NEW.onset_on <=> OLD.onset_on AND NEW.recorded_at <=> OLD.recorded_at
            AND NEW.recorded_by <=> OLD.recorded_by AND (NEW.status = OLD.status OR OLD.status = 'ACTIVE')) THEN
        SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'a problem keeps what was recorded; only an active one changes status';
    END IF;
END$$

DELIMITER ;
