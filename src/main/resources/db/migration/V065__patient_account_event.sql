-- Everything that happens to portal access: an account created (signed up or linked), an invitation created by
-- reception, access revoked, the email address or password changed, and a signed-in patient refused when asking for
-- what is not theirs. Who did it (a staff user name, 'portal:<account id>' for the patient, 'system'), for which
-- registry patient and account, and when (UTC). Append-only: the triggers refuse any UPDATE or DELETE and the
-- application's database user gets only SELECT and INSERT.
CREATE TABLE patient_account_event (
    id          BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    occurred_at TIMESTAMP(6) NOT NULL,
    kind        VARCHAR(20)  NOT NULL,
    patient_id  BIGINT       NULL,
    account_id  BIGINT       NULL,
    acted_by    VARCHAR(50)  NOT NULL,
    detail      VARCHAR(300) NULL,
    CONSTRAINT fk_patient_account_event_patient FOREIGN KEY (patient_id) REFERENCES patient (id),
    CONSTRAINT fk_patient_account_event_account FOREIGN KEY (account_id) REFERENCES patient_account (id),
    CONSTRAINT ck_patient_account_event_kind CHECK (kind IN ('SIGNED_UP', 'LINKED', 'INVITATION_CREATED',
        'REVOKED', 'EMAIL_CHANGED', 'PASSWORD_CHANGED', 'REFUSED')),
    CONSTRAINT ck_patient_account_event_by CHECK (CHAR_LENGTH(TRIM(acted_by)) > 0),
    KEY ix_patient_account_event_patient (patient_id, occurred_at),
    KEY ix_patient_account_event_account (account_id, occurred_at),
    KEY ix_patient_account_event_kind (kind, occurred_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_uca1400_ai_ci COMMENT = 'append-only audit';

CREATE TRIGGER tr_patient_account_event_no_update BEFORE UPDATE ON patient_account_event FOR EACH ROW
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'patient_account_event is an append-only audit log';

CREATE TRIGGER tr_patient_account_event_no_delete BEFORE DELETE ON patient_account_event FOR EACH ROW
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'patient_account_event is an append-only audit log';
