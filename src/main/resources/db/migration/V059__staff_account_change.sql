-- Every change to a staff account (created with a role, role changed, password reset, disabled, enabled, a display's
-- initials shown or hidden): who made it (a user name, or 'system' for the application itself), to which account,
-- what, and when (UTC). Written by StaffAccountService in the same transaction as the change. Append-only: the
-- triggers refuse any UPDATE or DELETE, and the application's database user gets only SELECT and INSERT on it.
CREATE TABLE staff_account_change (
    id          BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    account_id  BIGINT       NOT NULL,
    changed_by  VARCHAR(50)  NOT NULL,
    change_kind VARCHAR(20)  NOT NULL,
    role_before VARCHAR(20)  NULL,
    role_after  VARCHAR(20)  NULL,
    changed_at  TIMESTAMP(6) NOT NULL,
    CONSTRAINT fk_staff_account_change_account FOREIGN KEY (account_id) REFERENCES staff_account (id),
    CONSTRAINT ck_staff_account_change_kind CHECK (change_kind IN ('CREATED', 'ROLE_CHANGED', 'PASSWORD_RESET',
        'DISABLED', 'ENABLED', 'INITIALS_SHOWN', 'INITIALS_HIDDEN')),
    CONSTRAINT ck_staff_account_change_roles CHECK (
        (role_before IS NULL OR role_before IN ('ADMIN', 'RECEPTIONIST', 'DOCTOR', 'DISPLAY'))
        AND (role_after IS NULL OR role_after IN ('ADMIN', 'RECEPTIONIST', 'DOCTOR', 'DISPLAY'))
        AND CASE change_kind
            WHEN 'CREATED' THEN role_before IS NULL AND role_after IS NOT NULL
            WHEN 'ROLE_CHANGED' THEN role_before IS NOT NULL AND role_after IS NOT NULL AND role_before <> role_after
            ELSE role_before IS NULL AND role_after IS NULL
        END),
    CONSTRAINT ck_staff_account_change_by CHECK (CHAR_LENGTH(TRIM(changed_by)) > 0),
    KEY ix_staff_account_change_account (account_id, id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_uca1400_ai_ci COMMENT = 'append-only audit';

CREATE TRIGGER tr_staff_account_change_no_update BEFORE UPDATE ON staff_account_change FOR EACH ROW
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'staff_account_change is an append-only audit log';

CREATE TRIGGER tr_staff_account_change_no_delete BEFORE DELETE ON staff_account_change FOR EACH ROW
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'staff_account_change is an append-only audit log';
