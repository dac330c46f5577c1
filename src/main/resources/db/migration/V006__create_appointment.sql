-- One row per doctor and day that has bookings: the capacity guarantee. A booking increments booked only while
-- booked < capacity; the CHECK makes an overbooked day impossible even for a bypassing writer.
CREATE TABLE doctor_day (
    doctor_id  BIGINT NOT NULL,
    on_date    DATE   NOT NULL,
    capacity   INT    NOT NULL,
    booked     INT    NOT NULL DEFAULT 0,
    PRIMARY KEY (doctor_id, on_date),
    CONSTRAINT fk_doctor_day_doctor FOREIGN KEY (doctor_id) REFERENCES doctor (id),
    CONSTRAINT ck_doctor_day_booked CHECK (booked BETWEEN 0 AND capacity)
) ENGINE = InnoDB;

CREATE TABLE appointment (
    id                 BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    public_id          UUID         NOT NULL,
    request_id         UUID         NOT NULL,
    patient_id         BIGINT       NOT NULL,
    doctor_id          BIGINT       NOT NULL,
    on_date            DATE         NOT NULL,
    starts_at          TIME         NOT NULL,
    ends_at            TIME         NOT NULL,
    kind               VARCHAR(12)  NOT NULL,
    reason             VARCHAR(300) NULL,
    status             VARCHAR(16)  NOT NULL,
    rescheduled_from   BIGINT       NULL,
    booked_at          TIMESTAMP(6) NOT NULL,
    booked_by          VARCHAR(50)  NOT NULL,
    version            BIGINT       NOT NULL DEFAULT 0,
    -- 1 while the appointment holds its slot, NULL once cancelled or a no-show (UNIQUE ignores NULLs).
    holds_slot         TINYINT AS (IF(status IN ('CANCELLED', 'NO_SHOW'), NULL, 1)) STORED,
    CONSTRAINT uk_appointment_public_id UNIQUE (public_id),
    CONSTRAINT uk_appointment_request_id UNIQUE (request_id),
    CONSTRAINT uk_appointment_slot UNIQUE (doctor_id, on_date, starts_at, holds_slot),
    CONSTRAINT fk_appointment_patient FOREIGN KEY (patient_id) REFERENCES patient (id),
    CONSTRAINT fk_appointment_doctor FOREIGN KEY (doctor_id) REFERENCES doctor (id),
    CONSTRAINT fk_appointment_rescheduled_from FOREIGN KEY (rescheduled_from) REFERENCES appointment (id),
    CONSTRAINT ck_appointment_times CHECK (starts_at < ends_at),
    CONSTRAINT ck_appointment_kind CHECK (kind IN ('NEW', 'FOLLOW_UP')),
    CONSTRAINT ck_appointment_status CHECK (status IN ('SCHEDULED', 'CHECKED_IN', 'IN_CONSULTATION', 'COMPLETED',
                                                       'CANCELLED', 'NO_SHOW')),
    INDEX ix_appointment_patient (patient_id, on_date),
    INDEX ix_appointment_day (on_date, doctor_id, starts_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_uca1400_ai_ci;

-- Every status change: who, when, from what to what, and why.
CREATE TABLE appointment_event (
    id              BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    appointment_id  BIGINT       NOT NULL,
    occurred_at     TIMESTAMP(6) NOT NULL,
    actor           VARCHAR(50)  NOT NULL,
    from_status     VARCHAR(16)  NULL,
    to_status       VARCHAR(16)  NOT NULL,
    note            VARCHAR(300) NULL,
    CONSTRAINT fk_appointment_event_appointment FOREIGN KEY (appointment_id) REFERENCES appointment (id),
    INDEX ix_appointment_event_appointment (appointment_id, occurred_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_uca1400_ai_ci;
