CREATE SEQUENCE patient_mrn_seq START WITH 1000000 INCREMENT BY 1 NOCACHE;

CREATE TABLE patient (
    id                   BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    public_id            UUID         NOT NULL,
    mrn                  VARCHAR(12)  NOT NULL,
    given_name           VARCHAR(100) NOT NULL,
    family_name          VARCHAR(100) NOT NULL,
    birth_date           DATE         NOT NULL,
    birth_date_estimated BOOLEAN      NOT NULL DEFAULT FALSE,
    sex                  VARCHAR(10)  NOT NULL,
    phone                VARCHAR(16)  NULL,
    email                VARCHAR(254) NULL,
    address              VARCHAR(300) NULL,
    status               VARCHAR(10)  NOT NULL DEFAULT 'ACTIVE',
    registered_at        TIMESTAMP(6) NOT NULL,
    version              BIGINT       NOT NULL DEFAULT 0,
    -- Search keys, written by the application: the name in either order, lower case, accents and marks removed
    -- (Texts.searchKey). Binary collation, so 'prefix%' is always one tight index range, already in display order.
    search_family_first  VARCHAR(201) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
    search_given_first   VARCHAR(201) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
    CONSTRAINT uk_patient_public_id UNIQUE (public_id),
    CONSTRAINT uk_patient_mrn UNIQUE (mrn),
    CONSTRAINT ck_patient_mrn CHECK (mrn REGEXP '^[0-9]{8,12}$'),
    -- 2-100 characters, or one character of a script where a character is a whole syllable (王, 蓮).
    CONSTRAINT ck_patient_given_name CHECK (given_name = TRIM(given_name) AND (CHAR_LENGTH(given_name) BETWEEN 2 AND 100
        OR given_name REGEXP '^[\\p{Han}\\p{Hangul}\\p{Hiragana}\\p{Katakana}]$')),
    CONSTRAINT ck_patient_family_name CHECK (family_name = TRIM(family_name) AND (CHAR_LENGTH(family_name) BETWEEN 2 AND 100
        OR family_name REGEXP '^[\\p{Han}\\p{Hangul}\\p{Hiragana}\\p{Katakana}]$')),
    CONSTRAINT ck_patient_sex CHECK (sex IN ('FEMALE', 'MALE', 'OTHER', 'UNKNOWN')),
    CONSTRAINT ck_patient_phone CHECK (phone REGEXP '^\\+[1-9][0-9]{6,14}$'),
    CONSTRAINT ck_patient_email CHECK (email REGEXP '^[^@[:space:]]+@[^@[:space:]]+$'),
    CONSTRAINT ck_patient_status CHECK (status IN ('ACTIVE', 'INACTIVE')),
    INDEX ix_patient_search_family_first (search_family_first),
    INDEX ix_patient_search_given_first (search_given_first),
    INDEX ix_patient_phone (phone),
    INDEX ix_patient_registered_at (registered_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_uca1400_ai_ci;
