-- Sign-in throttling (SignInThrottle): failures per account name (consecutive, until a success) and per address
-- (within a window), and until when each is paused. In the database so that every node sees the same counts and a
-- restart forgets nothing. Working state, changed in place: the record of what happened is authentication_event.
-- Names are stored as sign-in compares them (trimmed, lower case), whether or not such an account exists.
CREATE TABLE sign_in_throttle (
    subject_kind     VARCHAR(10)  NOT NULL,
    subject          VARCHAR(100) NOT NULL,
    failures         INT          NOT NULL,
    first_failure_at TIMESTAMP(6) NOT NULL,
    last_failure_at  TIMESTAMP(6) NOT NULL,
    locked_until     TIMESTAMP(6) NULL,
    PRIMARY KEY (subject_kind, subject),
    KEY ix_sign_in_throttle_locked_until (locked_until),
    CONSTRAINT ck_sign_in_throttle_kind CHECK (subject_kind IN ('ACCOUNT', 'ADDRESS')),
    CONSTRAINT ck_sign_in_throttle_failures CHECK (failures >= 0)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
