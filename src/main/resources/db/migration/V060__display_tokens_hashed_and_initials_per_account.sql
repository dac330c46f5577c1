-- Display devices' remember-me tokens are stored as SHA-256 hashes from now on (DisplayDeviceRememberMe). The rows
-- stored so far hold the token in plain text and would never match a hash again, so they are deleted: every
-- waiting-room display shows the sign-in page once after this upgrade and must be signed in again with its DISPLAY
-- account (then it stays signed in as before).
DELETE FROM persistent_logins;

-- Whether a display shows patients' initials next to tokens is an administrator's setting per display account
-- (staff accounts screen), no longer the device's own choice through its address (?initials=true). Tokens only
-- unless set; only a DISPLAY account can have it.
ALTER TABLE staff_account
    ADD COLUMN display_initials BOOLEAN NOT NULL DEFAULT FALSE AFTER enabled,
    ADD CONSTRAINT ck_staff_account_display_initials CHECK (display_initials = FALSE OR role = 'DISPLAY');
