-- A completed consultation is locked on every column, not only its clinical content: who it is for, who saw the
-- patient, when, and who saved it cannot change either, whoever writes. The one change left is linking the follow-up
-- booked afterwards, once (ConsultationStore.linkFollowUp, which steps the version by one). Every column is named,
-- so ConsultationLockTest fails when a column is added to consultation but not here. A completed consultation
-- cannot be deleted either. Replaces the trigger of V030 (ADR 0006, 0008).
DROP TRIGGER IF EXISTS tr_consultation_locked;

DELIMITER $$

CREATE TRIGGER tr_consultation_locked BEFORE UPDATE ON consultation FOR EACH ROW
BEGIN
    IF OLD.status = 'COMPLETED' AND NOT (NEW.id <=> OLD.id AND NEW.public_id <=> OLD.public_id
            AND NEW.queue_entry_id <=> OLD.queue_entry_id AND NEW.appointment_id <=> OLD.appointment_id
            AND NEW.patient_id <=> OLD.patient_id AND NEW.doctor_id <=> OLD.doctor_id
            AND NEW.status <=> OLD.status AND NEW.visit_date <=> OLD.visit_date
            AND NEW.started_at <=> OLD.started_at AND NEW.started_by <=> OLD.started_by
            AND NEW.saved_at <=> OLD.saved_at AND NEW.saved_by <=> OLD.saved_by
            AND NEW.completed_at <=> OLD.completed_at AND NEW.completed_by <=> OLD.completed_by
            AND NEW.systolic <=> OLD.systolic AND NEW.diastolic <=> OLD.diastolic AND NEW.pulse <=> OLD.pulse
            AND NEW.temperature <=> OLD.temperature AND NEW.spo2 <=> OLD.spo2
            AND NEW.respiratory_rate <=> OLD.respiratory_rate AND NEW.weight_kg <=> OLD.weight_kg
            AND NEW.height_cm <=> OLD.height_cm AND NEW.chief_complaint <=> OLD.chief_complaint
            AND NEW.history_notes <=> OLD.history_notes AND NEW.examination_notes <=> OLD.examination_notes
            AND NEW.diagnosis <=> OLD.diagnosis AND NEW.diagnosis_code <=> OLD.diagnosis_code
            AND NEW.advice <=> OLD.advice AND NEW.follow_up_on <=> OLD.follow_up_on
            AND NEW.follow_up_note <=> OLD.follow_up_note
            AND (NEW.follow_up_appointment_id <=> OLD.follow_up_appointment_id AND NEW.version <=> OLD.version
                OR OLD.follow_up_appointment_id IS NULL AND NEW.follow_up_appointment_id IS NOT NULL
                    AND NEW.version = OLD.version + 1)) THEN
        SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'A completed consultation is locked; add an addendum instead';
    END IF;
END$$

CREATE TRIGGER tr_consultation_delete_locked BEFORE DELETE ON consultation FOR EACH ROW
BEGIN
    IF OLD.status = 'COMPLETED' THEN
        SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'A completed consultation is locked; add an addendum instead';
    END IF;
END$$

DELIMITER ;
