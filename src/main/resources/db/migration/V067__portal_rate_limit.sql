-- How often one address or one email address / account did something at the portal that costs an email or guesses
-- a code (sign-up, link, code entry), counted per fixed window (PortalRateLimits). In MariaDB so every node counts
-- the same. Working state, changed in place and forgotten after a day.
CREATE TABLE portal_rate_limit (
    action        VARCHAR(16)  NOT NULL,
    subject       VARCHAR(100) NOT NULL,
    window_start  TIMESTAMP(6) NOT NULL,
    hits          INT          NOT NULL,
    PRIMARY KEY (action, subject),
    KEY ix_portal_rate_limit_window (window_start),
    CONSTRAINT ck_portal_rate_limit_hits CHECK (hits >= 0)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
