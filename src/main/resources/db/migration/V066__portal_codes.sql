-- One-time codes the portal emails, and the invitations reception hands out. Only SHA-256 hashes are stored.
--
-- portal_verification: a step waiting for the code sent to an email address: a new patient's sign-up (their details
-- and password hash wait here until the address is verified; only then is the registry record created), linking an
-- existing record (by MRN, date of birth and the address on file, or by an invitation), or a new email address of an
-- account. A code expires, is used once, and dies after a few wrong tries.
CREATE TABLE portal_verification (
    id             BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    public_id      UUID         NOT NULL,
    purpose        VARCHAR(12)  NOT NULL,
    email          VARCHAR(254) NOT NULL,
    code_hash      CHAR(64)     NOT NULL,
    password_hash  VARCHAR(255) NULL,
    patient_id     BIGINT       NULL,
    patient_public_id UUID      NULL,
    account_id     BIGINT       NULL,
    invitation_id  BIGINT       NULL,
    given_name     VARCHAR(100) NULL,
    family_name    VARCHAR(100) NULL,
    birth_date     DATE         NULL,
    sex            VARCHAR(10)  NULL,
    phone          VARCHAR(16)  NULL,
    address        VARCHAR(300) NULL,
    created_at     TIMESTAMP(6) NOT NULL,
    expires_at     TIMESTAMP(6) NOT NULL,
    used_at        TIMESTAMP(6) NULL,
    failed_tries   INT          NOT NULL DEFAULT 0,
    CONSTRAINT uk_portal_verification_public_id UNIQUE (public_id),
    CONSTRAINT fk_portal_verification_patient FOREIGN KEY (patient_id) REFERENCES patient (id),
    CONSTRAINT fk_portal_verification_account FOREIGN KEY (account_id) REFERENCES patient_account (id),
    CONSTRAINT ck_portal_verification_purpose CHECK (purpose IN ('SIGN_UP', 'LINK', 'EMAIL_CHANGE')),
    CONSTRAINT ck_portal_verification_shape CHECK (CASE purpose
        WHEN 'SIGN_UP' THEN password_hash IS NOT NULL AND patient_id IS NULL AND account_id IS NULL
            AND given_name IS NOT NULL AND family_name IS NOT NULL AND birth_date IS NOT NULL AND sex IS NOT NULL
        WHEN 'LINK' THEN password_hash IS NOT NULL AND patient_id IS NOT NULL AND patient_public_id IS NOT NULL
            AND account_id IS NULL
        WHEN 'EMAIL_CHANGE' THEN account_id IS NOT NULL AND password_hash IS NULL
        END),
    CONSTRAINT ck_portal_verification_tries CHECK (failed_tries >= 0),
    CONSTRAINT ck_portal_verification_expiry CHECK (expires_at > created_at),
    KEY ix_portal_verification_expires (expires_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_uca1400_ai_ci;

-- An invitation reception creates on a patient record and hands to the patient (printed or read out): it links the
-- record to an account once, until it expires. Creating a new one replaces (expires) the previous unused one.
CREATE TABLE portal_invitation (
    id          BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    code_hash   CHAR(64)     NOT NULL,
    patient_id  BIGINT       NOT NULL,
    patient_public_id UUID   NOT NULL,
    created_at  TIMESTAMP(6) NOT NULL,
    created_by  VARCHAR(50)  NOT NULL,
    expires_at  TIMESTAMP(6) NOT NULL,
    used_at     TIMESTAMP(6) NULL,
    CONSTRAINT uk_portal_invitation_code UNIQUE (code_hash),
    CONSTRAINT fk_portal_invitation_patient FOREIGN KEY (patient_id) REFERENCES patient (id),
    CONSTRAINT ck_portal_invitation_expiry CHECK (expires_at > created_at),
    KEY ix_portal_invitation_patient (patient_id, created_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_uca1400_ai_ci;

ALTER TABLE portal_verification ADD CONSTRAINT fk_portal_verification_invitation
    FOREIGN KEY (invitation_id) REFERENCES portal_invitation (id);
