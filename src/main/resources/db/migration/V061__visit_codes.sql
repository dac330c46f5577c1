-- Visit links: every appointment gets, when booked, an unguessable code for its public position page
-- (<public url>/visit/<code>: 18 random bytes, URL-safe Base64, 144 bits) and a short booking code a patient can
-- type at the kiosk (7 characters from an alphabet without look-alikes: no 0/O, 1/I/L). A queue entry carries the
-- code of its visit: its appointment's, copied at check-in, or a fresh one for a walk-in. Codes are compared
-- byte for byte (ascii_bin): 'abc' and 'ABC' are different codes.
ALTER TABLE appointment
    ADD COLUMN visit_code   VARCHAR(24) CHARACTER SET ascii COLLATE ascii_bin NULL AFTER request_id,
    ADD COLUMN booking_code VARCHAR(7)  CHARACTER SET ascii COLLATE ascii_bin NULL AFTER visit_code;

-- Existing appointments: a random visit code each, and a booking code that is a bijection of the row id
-- (id * 1000003 mod 31^7, written in the code alphabet), so no two rows share one.
UPDATE appointment
SET visit_code   = REPLACE(REPLACE(TO_BASE64(RANDOM_BYTES(18)), '+', '-'), '/', '_'),
    booking_code = CONCAT(
            SUBSTRING('23456789ABCDEFGHJKMNPQRSTUVWXYZ', 1 + FLOOR(((id * 1000003) MOD 27512614111) / 887503681) MOD 31, 1),
            SUBSTRING('23456789ABCDEFGHJKMNPQRSTUVWXYZ', 1 + FLOOR(((id * 1000003) MOD 27512614111) / 28629151) MOD 31, 1),
            SUBSTRING('23456789ABCDEFGHJKMNPQRSTUVWXYZ', 1 + FLOOR(((id * 1000003) MOD 27512614111) / 923521) MOD 31, 1),
            SUBSTRING('23456789ABCDEFGHJKMNPQRSTUVWXYZ', 1 + FLOOR(((id * 1000003) MOD 27512614111) / 29791) MOD 31, 1),
            SUBSTRING('23456789ABCDEFGHJKMNPQRSTUVWXYZ', 1 + FLOOR(((id * 1000003) MOD 27512614111) / 961) MOD 31, 1),
            SUBSTRING('23456789ABCDEFGHJKMNPQRSTUVWXYZ', 1 + FLOOR(((id * 1000003) MOD 27512614111) / 31) MOD 31, 1),
            SUBSTRING('23456789ABCDEFGHJKMNPQRSTUVWXYZ', 1 + FLOOR(((id * 1000003) MOD 27512614111) / 1) MOD 31, 1));

-- The application makes both codes; any other writer (an import, a bulk load) gets random ones from the defaults.
ALTER TABLE appointment
    MODIFY visit_code   VARCHAR(24) CHARACTER SET ascii COLLATE ascii_bin NOT NULL
        DEFAULT (REPLACE(REPLACE(TO_BASE64(RANDOM_BYTES(18)), '+', '-'), '/', '_')),
    MODIFY booking_code VARCHAR(7)  CHARACTER SET ascii COLLATE ascii_bin NOT NULL
        DEFAULT (CONCAT(SUBSTRING('23456789ABCDEFGHJKMNPQRSTUVWXYZ', 1 + ASCII(RANDOM_BYTES(1)) MOD 31, 1),
                        SUBSTRING('23456789ABCDEFGHJKMNPQRSTUVWXYZ', 1 + ASCII(RANDOM_BYTES(1)) MOD 31, 1),
                        SUBSTRING('23456789ABCDEFGHJKMNPQRSTUVWXYZ', 1 + ASCII(RANDOM_BYTES(1)) MOD 31, 1),
                        SUBSTRING('23456789ABCDEFGHJKMNPQRSTUVWXYZ', 1 + ASCII(RANDOM_BYTES(1)) MOD 31, 1),
                        SUBSTRING('23456789ABCDEFGHJKMNPQRSTUVWXYZ', 1 + ASCII(RANDOM_BYTES(1)) MOD 31, 1),
                        SUBSTRING('23456789ABCDEFGHJKMNPQRSTUVWXYZ', 1 + ASCII(RANDOM_BYTES(1)) MOD 31, 1),
                        SUBSTRING('23456789ABCDEFGHJKMNPQRSTUVWXYZ', 1 + ASCII(RANDOM_BYTES(1)) MOD 31, 1))),
    ADD CONSTRAINT uk_appointment_visit_code UNIQUE (visit_code),
    -- unique per day; the code first, so the kiosk's lookup of a code on any day uses it too
    ADD CONSTRAINT uk_appointment_booking_code UNIQUE (booking_code, on_date),
    ADD CONSTRAINT ck_appointment_visit_code CHECK (visit_code REGEXP '^[A-Za-z0-9_-]{24}$'),
    ADD CONSTRAINT ck_appointment_booking_code CHECK (booking_code REGEXP '^[2-9ABCDEFGHJKMNPQRSTUVWXYZ]{7}$');

ALTER TABLE queue_entry
    ADD COLUMN visit_code VARCHAR(24) CHARACTER SET ascii COLLATE ascii_bin NULL AFTER public_id;

-- Every entry a random code first, then an entry of an appointment the appointment's. (In one COALESCE with the
-- appointment's code MariaDB drew RANDOM_BYTES once for many rows: duplicates, seen on the demo clinic's data.)
UPDATE queue_entry
SET visit_code = REPLACE(REPLACE(TO_BASE64(RANDOM_BYTES(18)), '+', '-'), '/', '_');
UPDATE queue_entry q JOIN appointment a ON a.id = q.appointment_id
SET q.visit_code = a.visit_code;

ALTER TABLE queue_entry
    MODIFY visit_code VARCHAR(24) CHARACTER SET ascii COLLATE ascii_bin NOT NULL
        DEFAULT (REPLACE(REPLACE(TO_BASE64(RANDOM_BYTES(18)), '+', '-'), '/', '_')),
    ADD CONSTRAINT uk_queue_entry_visit_code UNIQUE (visit_code),
    ADD CONSTRAINT ck_queue_entry_visit_code CHECK (visit_code REGEXP '^[A-Za-z0-9_-]{24}$');
