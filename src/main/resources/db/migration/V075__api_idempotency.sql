-- Idempotency-Key of API bookings: one row per key and token. The unique key decides between concurrent requests
-- with the same key; request_hash tells a repeat (same body: the stored answer again) from a misuse (another body:
-- refused). Working state, removed 24 hours after it was made (IdempotencyExpiry).
CREATE TABLE api_idempotency (
    token_id        BIGINT       NOT NULL,
    idempotency_key VARCHAR(100) NOT NULL,
    request_hash    CHAR(64)     NOT NULL,
    response_status SMALLINT     NULL,
    response_body   TEXT         NULL,
    created_at      TIMESTAMP(6) NOT NULL,
    PRIMARY KEY (token_id, idempotency_key),
    KEY ix_api_idempotency_created (created_at),
    CONSTRAINT fk_api_idempotency_token FOREIGN KEY (token_id) REFERENCES api_token (id),
    CONSTRAINT ck_api_idempotency_hash CHECK (request_hash REGEXP '^[0-9a-f]{64}$'),
    CONSTRAINT ck_api_idempotency_answer CHECK ((response_status IS NULL) = (response_body IS NULL))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
