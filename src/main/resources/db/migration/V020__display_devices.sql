-- Waiting-room display devices stay signed in across browser and server restarts: Spring Security's persistent
-- remember-me tokens (the table JdbcTokenRepositoryImpl reads and writes). Only DISPLAY accounts ever get a row;
-- people always sign in themselves. Disabling an account or changing its role deletes its rows.
CREATE TABLE persistent_logins (
    username  VARCHAR(64) NOT NULL,
    series    VARCHAR(64) NOT NULL PRIMARY KEY,
    token     VARCHAR(64) NOT NULL,
    last_used DATETIME(3) NOT NULL,
    KEY ix_persistent_logins_username (username)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
