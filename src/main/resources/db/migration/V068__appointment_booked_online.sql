-- Appointments a patient booked in the portal, which reception sees marked as booked online.
ALTER TABLE appointment ADD COLUMN booked_online BOOLEAN NOT NULL DEFAULT FALSE AFTER booked_by;
