CREATE TABLE staff_account (
    id            BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    public_id     UUID         NOT NULL,
    username      VARCHAR(50)  NOT NULL,
    display_name  VARCHAR(100) NOT NULL,
    password_hash VARCHAR(255) NOT NULL,
    role          VARCHAR(20)  NOT NULL,
    enabled       BOOLEAN      NOT NULL DEFAULT TRUE,
    created_at    TIMESTAMP(6) NOT NULL,
    version       BIGINT       NOT NULL DEFAULT 0,
    CONSTRAINT uk_staff_account_public_id UNIQUE (public_id),
    CONSTRAINT uk_staff_account_username UNIQUE (username),
    CONSTRAINT ck_staff_account_username CHECK (username REGEXP '^[a-z0-9][a-z0-9._-]{2,49}$'),
    CONSTRAINT ck_staff_account_display_name CHECK (CHAR_LENGTH(TRIM(display_name)) >= 2),
    CONSTRAINT ck_staff_account_role CHECK (role IN ('ADMIN', 'RECEPTIONIST', 'DOCTOR', 'DISPLAY')),
    CONSTRAINT ck_staff_account_password_hash CHECK (password_hash LIKE '{%}%')
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_uca1400_ai_ci;
