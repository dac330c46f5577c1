-- Rules the admin screens rely on, held by the database as well as the service.

-- A doctor is on leave at most once a date (a generated column is NULL for extra sessions, and NULLs never clash);
-- two extra sessions of one doctor and date never start at the same time.
ALTER TABLE schedule_exception
    ADD COLUMN leave_on DATE AS (IF(kind = 'LEAVE', on_date, NULL)) PERSISTENT,
    ADD CONSTRAINT uk_schedule_exception_leave UNIQUE (doctor_id, leave_on),
    ADD CONSTRAINT uk_schedule_exception_extra UNIQUE (doctor_id, on_date, starts_at),
    ADD CONSTRAINT ck_schedule_exception_note CHECK (note IS NULL OR CHAR_LENGTH(TRIM(note)) >= 1);

ALTER TABLE clinic_holiday
    ADD CONSTRAINT ck_clinic_holiday_name CHECK (CHAR_LENGTH(TRIM(name)) >= 2);

ALTER TABLE doctor
    ADD CONSTRAINT ck_doctor_display_name CHECK (CHAR_LENGTH(TRIM(display_name)) >= 2),
    ADD CONSTRAINT ck_doctor_registration_number CHECK (CHAR_LENGTH(TRIM(registration_number)) >= 1);
