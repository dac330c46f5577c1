-- The live queue. A line is a doctor's queue ('doctor:<id>') or a specialty's walk-in queue ('specialty:<id>').

-- One row per line and day: the token and place counters, and the fairness state. Every queue operation on a line
-- locks this row first, so operations on one line run one after the other.
CREATE TABLE queue_line_day (
    line              VARCHAR(40) NOT NULL,
    on_date           DATE        NOT NULL,
    last_token        INT         NOT NULL DEFAULT 0,
    last_place        BIGINT      NOT NULL DEFAULT 0,
    priority_streak   INT         NOT NULL DEFAULT 0,
    PRIMARY KEY (line, on_date),
    CONSTRAINT ck_queue_line_day_counters CHECK (last_token >= 0 AND last_place >= 0 AND priority_streak >= 0)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE TABLE queue_entry (
    id               BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    public_id        UUID         NOT NULL,
    on_date          DATE         NOT NULL,
    -- the token, issued once by the line the patient first joined; kept on transfer
    token_line       VARCHAR(40)  NOT NULL,
    token_number     INT          NOT NULL,
    token            VARCHAR(12)  NOT NULL,
    -- where the patient waits now, and their place in it (gaps leave room to move someone back)
    line             VARCHAR(40)  NOT NULL,
    place            BIGINT       NOT NULL,
    doctor_id        BIGINT       NULL,
    specialty_id     BIGINT       NOT NULL,
    patient_id       BIGINT       NOT NULL,
    -- what a waiting-room display may show besides the token, when initials are switched on
    initials         VARCHAR(6)   NOT NULL,
    appointment_id   BIGINT       NULL,
    lane             VARCHAR(20)  NOT NULL,
    priority_reason  VARCHAR(200) NULL,
    visit_reason     VARCHAR(300) NULL,
    status           VARCHAR(20)  NOT NULL,
    skips            INT          NOT NULL DEFAULT 0,
    arrived_at       TIMESTAMP(6) NOT NULL,
    called_at        TIMESTAMP(6) NULL,
    started_at       TIMESTAMP(6) NULL,
    finished_at      TIMESTAMP(6) NULL,
    version          BIGINT       NOT NULL DEFAULT 0,
    CONSTRAINT uk_queue_entry_public_id UNIQUE (public_id),
    CONSTRAINT uk_queue_entry_token UNIQUE (token_line, on_date, token_number),
    -- what is shown and announced is unique in the whole clinic that day
    CONSTRAINT uk_queue_entry_token_text UNIQUE (on_date, token),
    CONSTRAINT uk_queue_entry_place UNIQUE (line, on_date, place),
    CONSTRAINT uk_queue_entry_appointment UNIQUE (appointment_id),
    CONSTRAINT fk_queue_entry_doctor FOREIGN KEY (doctor_id) REFERENCES doctor (id),
    CONSTRAINT fk_queue_entry_specialty FOREIGN KEY (specialty_id) REFERENCES specialty (id),
    CONSTRAINT fk_queue_entry_patient FOREIGN KEY (patient_id) REFERENCES patient (id),
    CONSTRAINT fk_queue_entry_appointment FOREIGN KEY (appointment_id) REFERENCES appointment (id),
    CONSTRAINT ck_queue_entry_status CHECK (status IN ('WAITING', 'CALLED', 'IN_CONSULTATION', 'DONE', 'NO_SHOW', 'LEFT')),
    CONSTRAINT ck_queue_entry_lane CHECK (lane IN ('REGULAR', 'SENIOR', 'PREGNANT', 'DISABILITY', 'CHILD', 'EMERGENCY')),
    CONSTRAINT ck_queue_entry_token_number CHECK (token_number > 0),
    CONSTRAINT ck_queue_entry_skips CHECK (skips >= 0),
    CONSTRAINT ck_queue_entry_priority_reason CHECK (lane = 'REGULAR' OR priority_reason IS NOT NULL),
    CONSTRAINT ck_queue_entry_line CHECK ((doctor_id IS NOT NULL AND line = CONCAT('doctor:', doctor_id))
        OR (doctor_id IS NULL AND line = CONCAT('specialty:', specialty_id))),
    INDEX ix_queue_entry_line (on_date, line, status, place)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_uca1400_ai_ci;

-- Append-only: every queue operation with who and when; what it changed is kept so it can be undone.
CREATE TABLE queue_event (
    id              BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    entry_id        BIGINT       NOT NULL,
    on_date         DATE         NOT NULL,
    line            VARCHAR(40)  NOT NULL,
    action          VARCHAR(20)  NOT NULL,
    occurred_at     TIMESTAMP(6) NOT NULL,
    actor           VARCHAR(50)  NOT NULL,
    note            VARCHAR(300) NULL,
    -- the entry as it was before the action (status, line, place, doctor, skips, lane, called_at), for undo
    before_state    VARCHAR(600) NULL,
    entry_version   BIGINT       NOT NULL,
    undone          BOOLEAN      NOT NULL DEFAULT FALSE,
    CONSTRAINT fk_queue_event_entry FOREIGN KEY (entry_id) REFERENCES queue_entry (id),
    INDEX ix_queue_event_line (on_date, line, id),
    INDEX ix_queue_event_calls (on_date, action, id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_uca1400_ai_ci;
