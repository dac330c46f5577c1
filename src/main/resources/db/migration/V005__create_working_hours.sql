-- Weekly sessions (several a day allowed), clinic-local times.
CREATE TABLE working_session (
    id         BIGINT   NOT NULL AUTO_INCREMENT PRIMARY KEY,
    doctor_id  BIGINT   NOT NULL,
    weekday    TINYINT  NOT NULL,
    starts_at  TIME     NOT NULL,
    ends_at    TIME     NOT NULL,
    CONSTRAINT fk_working_session_doctor FOREIGN KEY (doctor_id) REFERENCES doctor (id) ON DELETE CASCADE,
    CONSTRAINT ck_working_session_weekday CHECK (weekday BETWEEN 1 AND 7),
    CONSTRAINT ck_working_session_times CHECK (starts_at < ends_at),
    CONSTRAINT uk_working_session UNIQUE (doctor_id, weekday, starts_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_uca1400_ai_ci;

-- A date that differs from the week: leave (no sessions) or an extra session.
CREATE TABLE schedule_exception (
    id         BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    doctor_id  BIGINT       NOT NULL,
    on_date    DATE         NOT NULL,
    kind       VARCHAR(10)  NOT NULL,
    starts_at  TIME         NULL,
    ends_at    TIME         NULL,
    note       VARCHAR(200) NULL,
    CONSTRAINT fk_schedule_exception_doctor FOREIGN KEY (doctor_id) REFERENCES doctor (id) ON DELETE CASCADE,
    CONSTRAINT ck_schedule_exception_kind CHECK (kind IN ('LEAVE', 'EXTRA')),
    CONSTRAINT ck_schedule_exception_times CHECK (
        (kind = 'LEAVE' AND starts_at IS NULL AND ends_at IS NULL)
        OR (kind = 'EXTRA' AND starts_at IS NOT NULL AND ends_at IS NOT NULL AND starts_at < ends_at)),
    INDEX ix_schedule_exception_doctor_date (doctor_id, on_date)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_uca1400_ai_ci;

CREATE TABLE clinic_holiday (
    id       BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    on_date  DATE         NOT NULL,
    name     VARCHAR(100) NOT NULL,
    CONSTRAINT uk_clinic_holiday_date UNIQUE (on_date)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_uca1400_ai_ci;
