CREATE TABLE specialty (
    id        BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    public_id UUID         NOT NULL,
    name      VARCHAR(80)  NOT NULL,
    CONSTRAINT uk_specialty_public_id UNIQUE (public_id),
    CONSTRAINT uk_specialty_name UNIQUE (name),
    CONSTRAINT ck_specialty_name CHECK (CHAR_LENGTH(TRIM(name)) >= 2)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_uca1400_ai_ci;

CREATE TABLE doctor (
    id                  BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    public_id           UUID         NOT NULL,
    staff_username      VARCHAR(50)  NOT NULL,
    display_name        VARCHAR(100) NOT NULL,
    specialty_id        BIGINT       NOT NULL,
    email               VARCHAR(254) NOT NULL,
    registration_number VARCHAR(40)  NOT NULL,
    room                VARCHAR(20)  NOT NULL,
    slot_minutes        INT          NOT NULL,
    daily_capacity      INT          NOT NULL DEFAULT 10,
    active              BOOLEAN      NOT NULL DEFAULT TRUE,
    version             BIGINT       NOT NULL DEFAULT 0,
    CONSTRAINT uk_doctor_public_id UNIQUE (public_id),
    CONSTRAINT uk_doctor_staff_username UNIQUE (staff_username),
    CONSTRAINT uk_doctor_email UNIQUE (email),
    CONSTRAINT uk_doctor_registration_number UNIQUE (registration_number),
    CONSTRAINT fk_doctor_specialty FOREIGN KEY (specialty_id) REFERENCES specialty (id),
    CONSTRAINT fk_doctor_staff_account FOREIGN KEY (staff_username) REFERENCES staff_account (username),
    CONSTRAINT ck_doctor_slot_minutes CHECK (slot_minutes BETWEEN 5 AND 120),
    CONSTRAINT ck_doctor_daily_capacity CHECK (daily_capacity BETWEEN 1 AND 200),
    CONSTRAINT ck_doctor_room CHECK (CHAR_LENGTH(TRIM(room)) >= 1),
    CONSTRAINT ck_doctor_email CHECK (email REGEXP '^[^@[:space:]]+@[^@[:space:]]+$')
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_uca1400_ai_ci;
