-- Every message the clinic sends, written in the same transaction as the fact that causes it and delivered later
-- by a sender with retries. dedup_key (for appointments: appointment, kind and day) makes each message exist once,
-- whatever reruns, restarts or number of nodes.
CREATE TABLE outbox_message (
    id               BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    public_id        UUID          NOT NULL,
    dedup_key        VARCHAR(160)  CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    kind             VARCHAR(30)   NOT NULL,
    channel          VARCHAR(10)   NOT NULL DEFAULT 'EMAIL',
    recipient_name   VARCHAR(100)  NOT NULL,
    recipient        VARCHAR(254)  NULL,
    patient_id       BIGINT        NULL,
    appointment_id   BIGINT        NULL,
    subject          VARCHAR(200)  NOT NULL,
    body_text        TEXT          NOT NULL,
    body_html        MEDIUMTEXT    NOT NULL,
    state            VARCHAR(10)   NOT NULL,
    attempts         INT           NOT NULL DEFAULT 0,
    created_at       TIMESTAMP(6)  NOT NULL,
    next_attempt_at  TIMESTAMP(6)  NULL,
    -- a sender's claim: while claimed_until lies ahead, no other sender takes the row (a crashed node's claim expires)
    claimed_by       VARCHAR(60)   NULL,
    claimed_until    TIMESTAMP(6)  NULL,
    sent_at          TIMESTAMP(6)  NULL,
    last_error       VARCHAR(500)  NULL,
    CONSTRAINT uk_outbox_message_public_id UNIQUE (public_id),
    CONSTRAINT uk_outbox_message_dedup_key UNIQUE (dedup_key),
    CONSTRAINT fk_outbox_message_patient FOREIGN KEY (patient_id) REFERENCES patient (id),
    CONSTRAINT fk_outbox_message_appointment FOREIGN KEY (appointment_id) REFERENCES appointment (id),
    CONSTRAINT ck_outbox_message_state CHECK (state IN ('QUEUED', 'SENT', 'FAILED', 'SKIPPED')),
    CONSTRAINT ck_outbox_message_channel CHECK (channel IN ('EMAIL', 'SMS')),
    CONSTRAINT ck_outbox_message_attempts CHECK (attempts >= 0),
    -- a queued message always knows when to be tried; a sent one when it went; a skipped or failed one why
    CONSTRAINT ck_outbox_message_queued CHECK (state <> 'QUEUED' OR (next_attempt_at IS NOT NULL AND recipient IS NOT NULL)),
    CONSTRAINT ck_outbox_message_sent CHECK (state <> 'SENT' OR sent_at IS NOT NULL),
    CONSTRAINT ck_outbox_message_reason CHECK (state NOT IN ('SKIPPED', 'FAILED') OR last_error IS NOT NULL),
    INDEX ix_outbox_message_due (state, next_attempt_at),
    INDEX ix_outbox_message_created (created_at),
    INDEX ix_outbox_message_patient (patient_id, created_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_uca1400_ai_ci;

-- A patient's contact preference: whether the clinic may email them (confirmations, reminders). Default yes.
ALTER TABLE patient
    ADD COLUMN email_messages BOOLEAN NOT NULL DEFAULT TRUE;

-- ShedLock: a scheduled job (reminders, monthly reports, clean-ups) runs on one node at a time.
CREATE TABLE shedlock (
    name       VARCHAR(64)  NOT NULL PRIMARY KEY,
    lock_until TIMESTAMP(3) NOT NULL,
    locked_at  TIMESTAMP(3) NOT NULL,
    locked_by  VARCHAR(255) NOT NULL
) ENGINE = InnoDB;
