-- Self check-in kiosks sign in with their own device accounts (role KIOSK), created by administrators like
-- waiting-room displays: remembered across restarts, exempt from idle sign-out, able to open the kiosk only.
ALTER TABLE staff_account
    DROP CONSTRAINT ck_staff_account_role,
    ADD CONSTRAINT ck_staff_account_role CHECK (role IN ('ADMIN', 'RECEPTIONIST', 'DOCTOR', 'DISPLAY', 'KIOSK'));

ALTER TABLE staff_account_change
    DROP CONSTRAINT ck_staff_account_change_roles,
    ADD CONSTRAINT ck_staff_account_change_roles CHECK (
        (role_before IS NULL OR role_before IN ('ADMIN', 'RECEPTIONIST', 'DOCTOR', 'DISPLAY', 'KIOSK'))
        AND (role_after IS NULL OR role_after IN ('ADMIN', 'RECEPTIONIST', 'DOCTOR', 'DISPLAY', 'KIOSK'))
        AND CASE change_kind
            WHEN 'CREATED' THEN role_before IS NULL AND role_after IS NOT NULL
            WHEN 'ROLE_CHANGED' THEN role_before IS NOT NULL AND role_after IS NOT NULL AND role_before <> role_after
            ELSE role_before IS NULL AND role_after IS NULL
        END);
