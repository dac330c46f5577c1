-- Every sign-in, failed sign-in (with why: wrong name or password, paused, disabled), sign-out (by the person or
-- after idle time), pause (lockout) and unlock by an administrator: who as typed, from which address and browser,
-- when (UTC). Append-only: rows are only ever inserted.
CREATE TABLE authentication_event (
    id          BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    occurred_at TIMESTAMP(6) NOT NULL,
    kind        VARCHAR(20)  NOT NULL,
    reason      VARCHAR(20)  NOT NULL,
    username    VARCHAR(100) NULL,
    address     VARCHAR(64)  NULL,
    user_agent  VARCHAR(255) NULL,
    acted_by    VARCHAR(50)  NULL,
    -- newest first, on its own or within one user name or one kind (the security screen pages through these)
    KEY ix_authentication_event_occurred (occurred_at),
    KEY ix_authentication_event_username (username, occurred_at),
    KEY ix_authentication_event_kind (kind, occurred_at),
    CONSTRAINT ck_authentication_event_kind
        CHECK (kind IN ('SIGNED_IN', 'SIGN_IN_FAILED', 'SIGNED_OUT', 'LOCKED_OUT', 'UNLOCKED')),
    CONSTRAINT ck_authentication_event_reason
        CHECK (reason IN ('PASSWORD', 'REMEMBERED_DEVICE', 'BAD_CREDENTIALS', 'LOCKED', 'DISABLED', 'OTHER',
                          'BY_USER', 'IDLE', 'ACCOUNT', 'ADDRESS'))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_uca1400_ai_ci COMMENT = 'append-only audit';

DELIMITER $$

CREATE TRIGGER tr_authentication_event_no_update BEFORE UPDATE ON authentication_event FOR EACH ROW
BEGIN
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'authentication_event is an append-only audit log';
END$$

CREATE TRIGGER tr_authentication_event_no_delete BEFORE DELETE ON authentication_event FOR EACH ROW
BEGIN
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'authentication_event is an append-only audit log';
END$$

DELIMITER ;
