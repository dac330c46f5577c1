-- The prescription's lock triggers of V030, unchanged, defined again by the schema owner. A trigger runs with the
-- rights of the account that defined it; in an embedded database created before the two users (ADR 0009) that was
-- the server without privilege checks, an account that does not exist, so the triggers would fail once the
-- application runs as its own user. Defined by the owner, they work for every writer.
DROP TRIGGER IF EXISTS tr_prescription_line_insert_locked;
DROP TRIGGER IF EXISTS tr_prescription_line_update_locked;
DROP TRIGGER IF EXISTS tr_prescription_line_delete_locked;

DELIMITER $$

CREATE TRIGGER tr_prescription_line_insert_locked BEFORE INSERT ON prescription_line FOR EACH ROW
BEGIN
    IF (SELECT status FROM consultation WHERE id = NEW.consultation_id) = 'COMPLETED' THEN
        SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'A completed consultation is locked; add an addendum instead';
    END IF;
END$$

CREATE TRIGGER tr_prescription_line_update_locked BEFORE UPDATE ON prescription_line FOR EACH ROW
BEGIN
    IF (SELECT status FROM consultation WHERE id = OLD.consultation_id) = 'COMPLETED' THEN
        SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'A completed consultation is locked; add an addendum instead';
    END IF;
END$$

CREATE TRIGGER tr_prescription_line_delete_locked BEFORE DELETE ON prescription_line FOR EACH ROW
BEGIN
    IF (SELECT status FROM consultation WHERE id = OLD.consultation_id) = 'COMPLETED' THEN
        SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'A completed consultation is locked; add an addendum instead';
    END IF;
END$$

DELIMITER ;
