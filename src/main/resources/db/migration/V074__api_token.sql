-- API tokens of integration accounts (a lab system, an SMS gateway, a dashboard), created by administrators. Only the
-- SHA-256 of the secret is kept: the secret is 256 random bits, so a fast hash is as safe as a slow one and lets each
-- API call find its token with one indexed lookup (ApiTokens). A token acts with one role; a doctor's token acts as
-- that doctor. Revoking keeps the row, so what happened stays visible.
CREATE TABLE api_token (
    id            BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    public_id     UUID         NOT NULL,
    name          VARCHAR(40)  NOT NULL,
    role          VARCHAR(16)  NOT NULL,
    doctor_id     UUID         NULL,
    -- the doctor's staff user name (never changes), so a call needs nothing of the doctors' tables to act as them
    doctor_username VARCHAR(50) NULL,
    secret_hash   CHAR(64)     NOT NULL,
    secret_hint   VARCHAR(16)  NOT NULL,
    created_at    TIMESTAMP(6) NOT NULL,
    created_by    VARCHAR(50)  NOT NULL,
    expires_at    TIMESTAMP(6) NULL,
    revoked_at    TIMESTAMP(6) NULL,
    revoked_by    VARCHAR(50)  NULL,
    last_used_at  TIMESTAMP(6) NULL,
    CONSTRAINT uk_api_token_public_id UNIQUE (public_id),
    CONSTRAINT uk_api_token_name UNIQUE (name),
    CONSTRAINT uk_api_token_secret_hash UNIQUE (secret_hash),
    CONSTRAINT ck_api_token_role CHECK (role IN ('RECEPTIONIST', 'DOCTOR')),
    CONSTRAINT ck_api_token_doctor CHECK ((role = 'DOCTOR') = (doctor_id IS NOT NULL)
        AND (doctor_id IS NULL) = (doctor_username IS NULL)),
    CONSTRAINT ck_api_token_name CHECK (name REGEXP '^[a-z0-9][a-z0-9._-]{2,39}$'),
    CONSTRAINT ck_api_token_hash CHECK (secret_hash REGEXP '^[0-9a-f]{64}$'),
    CONSTRAINT ck_api_token_revoked CHECK ((revoked_at IS NULL) = (revoked_by IS NULL)),
    CONSTRAINT ck_api_token_expiry CHECK (expires_at IS NULL OR expires_at > created_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- Who created and who revoked which token, when. Append-only: the triggers refuse any UPDATE or DELETE and the
-- application's database user gets only SELECT and INSERT (DatabaseGrants).
CREATE TABLE api_token_event (
    id          BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    token_id    BIGINT       NOT NULL,
    occurred_at TIMESTAMP(6) NOT NULL,
    kind        VARCHAR(10)  NOT NULL,
    acted_by    VARCHAR(50)  NOT NULL,
    detail      VARCHAR(200) NULL,
    CONSTRAINT fk_api_token_event_token FOREIGN KEY (token_id) REFERENCES api_token (id),
    CONSTRAINT ck_api_token_event_kind CHECK (kind IN ('CREATED', 'REVOKED')),
    CONSTRAINT ck_api_token_event_by CHECK (CHAR_LENGTH(TRIM(acted_by)) > 0),
    KEY ix_api_token_event_token (token_id, occurred_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_uca1400_ai_ci COMMENT = 'append-only audit';

CREATE TRIGGER tr_api_token_event_no_update BEFORE UPDATE ON api_token_event FOR EACH ROW
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'api_token_event is an append-only audit log';

CREATE TRIGGER tr_api_token_event_no_delete BEFORE DELETE ON api_token_event FOR EACH ROW
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'api_token_event is an append-only audit log';
