-- Patients' own accounts for the portal, apart from staff accounts: the email address is the sign-in name, the
-- password an Argon2 hash (the same PasswordEncoder as staff), and each account belongs to exactly one registry
-- patient. An account exists only once its email address was verified; revoking keeps the row (status REVOKED) so
-- what happened stays visible, and the unique keys count active accounts only: a record has at most one active
-- account, an email address signs in to at most one.
CREATE TABLE patient_account (
    id               BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    public_id        UUID         NOT NULL,
    email            VARCHAR(254) NOT NULL,
    password_hash    VARCHAR(255) NOT NULL,
    patient_id       BIGINT       NOT NULL,
    -- the patient's public id beside the key, so signing in needs nothing of the registry's tables
    patient_public_id UUID        NOT NULL,
    status           VARCHAR(10)  NOT NULL DEFAULT 'ACTIVE',
    created_at       TIMESTAMP(6) NOT NULL,
    verified_at      TIMESTAMP(6) NOT NULL,
    revoked_at       TIMESTAMP(6) NULL,
    revoked_by       VARCHAR(50)  NULL,
    version          BIGINT       NOT NULL DEFAULT 0,
    active_patient_id BIGINT      AS (IF(status = 'ACTIVE', patient_id, NULL)) PERSISTENT,
    active_email     VARCHAR(254) AS (IF(status = 'ACTIVE', email, NULL)) PERSISTENT,
    CONSTRAINT uk_patient_account_public_id UNIQUE (public_id),
    CONSTRAINT uk_patient_account_active_patient UNIQUE (active_patient_id),
    CONSTRAINT uk_patient_account_active_email UNIQUE (active_email),
    CONSTRAINT fk_patient_account_patient FOREIGN KEY (patient_id) REFERENCES patient (id),
    CONSTRAINT ck_patient_account_status CHECK (status IN ('ACTIVE', 'REVOKED')),
    CONSTRAINT ck_patient_account_email CHECK (email = LOWER(TRIM(email)) AND email REGEXP '^[^@[:space:]]+@[^@[:space:]]+\\.[^@[:space:]]+$'),
    CONSTRAINT ck_patient_account_revoked CHECK ((status = 'REVOKED') = (revoked_at IS NOT NULL AND revoked_by IS NOT NULL)),
    INDEX ix_patient_account_patient (patient_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_uca1400_ai_ci;

-- Sign-in throttling keeps patients in their own namespaces: a patient's email address never pauses a staff user
-- name, and failures at the portal never pause an address for staff sign-in (or the other way round).
ALTER TABLE sign_in_throttle DROP CONSTRAINT ck_sign_in_throttle_kind;
ALTER TABLE sign_in_throttle MODIFY subject_kind VARCHAR(16) NOT NULL;
ALTER TABLE sign_in_throttle ADD CONSTRAINT ck_sign_in_throttle_kind
    CHECK (subject_kind IN ('ACCOUNT', 'ADDRESS', 'PATIENT', 'PORTAL_ADDRESS'));
