-- Audit rows are facts: once written, nobody changes or removes them, neither the application nor the schema owner.
-- The table comment marks them for DatabaseGrants, which gives the application's database user only SELECT and
-- INSERT on such tables; the triggers refuse UPDATE and DELETE whoever writes (ADR 0009).
ALTER TABLE patient_change COMMENT = 'append-only audit';
ALTER TABLE appointment_event COMMENT = 'append-only audit';
ALTER TABLE queue_event COMMENT = 'append-only audit';
ALTER TABLE consultation_addendum COMMENT = 'append-only audit';
ALTER TABLE export_audit COMMENT = 'append-only audit';

-- The one change an audit row may take: undo marks a queue event undone, once. A column comment starting with
-- "updatable:" is what makes DatabaseGrants give the application a column-level UPDATE on it.
ALTER TABLE queue_event MODIFY undone BOOLEAN NOT NULL DEFAULT FALSE COMMENT 'updatable: set once by undo';

CREATE TRIGGER tr_patient_change_no_update BEFORE UPDATE ON patient_change FOR EACH ROW
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'patient_change is an append-only audit log';
CREATE TRIGGER tr_patient_change_no_delete BEFORE DELETE ON patient_change FOR EACH ROW
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'patient_change is an append-only audit log';

CREATE TRIGGER tr_appointment_event_no_update BEFORE UPDATE ON appointment_event FOR EACH ROW
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'appointment_event is an append-only audit log';
CREATE TRIGGER tr_appointment_event_no_delete BEFORE DELETE ON appointment_event FOR EACH ROW
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'appointment_event is an append-only audit log';

CREATE TRIGGER tr_consultation_addendum_no_update BEFORE UPDATE ON consultation_addendum FOR EACH ROW
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'consultation_addendum is an append-only audit log';
CREATE TRIGGER tr_consultation_addendum_no_delete BEFORE DELETE ON consultation_addendum FOR EACH ROW
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'consultation_addendum is an append-only audit log';

CREATE TRIGGER tr_export_audit_no_update BEFORE UPDATE ON export_audit FOR EACH ROW
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'export_audit is an append-only audit log';
CREATE TRIGGER tr_export_audit_no_delete BEFORE DELETE ON export_audit FOR EACH ROW
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'export_audit is an append-only audit log';

CREATE TRIGGER tr_queue_event_no_delete BEFORE DELETE ON queue_event FOR EACH ROW
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'queue_event is an append-only audit log';

-- Undo (QueueStore.markUndone) sets undone from FALSE to TRUE and touches nothing else; any other change is refused.
-- Every column is named, so AppendOnlyAuditTest fails when a column is added to queue_event but not here.
DELIMITER $$

CREATE TRIGGER tr_queue_event_no_update BEFORE UPDATE ON queue_event FOR EACH ROW
BEGIN
    IF NOT (OLD.undone = FALSE AND NEW.undone = TRUE
            AND NEW.id <=> OLD.id AND NEW.entry_id <=> OLD.entry_id AND NEW.on_date <=> OLD.on_date
            AND NEW.line <=> OLD.line AND NEW.action <=> OLD.action AND NEW.occurred_at <=> OLD.occurred_at
            AND NEW.actor <=> OLD.actor AND NEW.note <=> OLD.note AND NEW.before_state <=> OLD.before_state
            AND NEW.entry_version <=> OLD.entry_version) THEN
        SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'queue_event is an append-only audit log';
    END IF;
END$$

DELIMITER ;
