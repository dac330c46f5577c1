-- Clinic settings changed on screen by an administrator (ClinicSettingsView): one row per setting that differs from
-- the first-start default of the environment / application.properties (a setting without a row uses that default).
-- Every change is also appended to clinic_setting_change in the same transaction: who, when, the value before and
-- after (NULL before: the default was in force). The keys are the property names of application.properties; the
-- application validates each value (SettingRules), the database repeats what is cheap to say here.
CREATE TABLE clinic_setting (
    setting_key   VARCHAR(60)  NOT NULL PRIMARY KEY,
    setting_value VARCHAR(500) NOT NULL,
    updated_by    VARCHAR(50)  NOT NULL,
    updated_at    TIMESTAMP(6) NOT NULL,
    CONSTRAINT ck_clinic_setting_key CHECK (setting_key IN ('clinic.name', 'clinic.address', 'clinic.phone',
        'clinic.time-zone', 'clinic.phone-region', 'clinic.display.language', 'clinic.queue.lanes',
        'clinic.queue.skip-places', 'clinic.queue.early-arrival', 'clinic.queue.long-wait',
        'clinic.reminders.same-day-cron', 'clinic.reminders.day-before-cron')),
    CONSTRAINT ck_clinic_setting_value CHECK (CHAR_LENGTH(TRIM(setting_value)) > 0
        OR setting_key IN ('clinic.address', 'clinic.phone')),
    CONSTRAINT ck_clinic_setting_number CHECK (setting_key <> 'clinic.queue.skip-places'
        OR setting_value REGEXP '^[0-9]{1,2}$'),
    CONSTRAINT ck_clinic_setting_region CHECK (setting_key <> 'clinic.phone-region'
        OR setting_value REGEXP '^[A-Z]{2}$'),
    CONSTRAINT ck_clinic_setting_by CHECK (CHAR_LENGTH(TRIM(updated_by)) > 0)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE TABLE clinic_setting_change (
    id           BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    setting_key  VARCHAR(60)  NOT NULL,
    value_before VARCHAR(500) NULL,
    value_after  VARCHAR(500) NULL,
    changed_by   VARCHAR(50)  NOT NULL,
    changed_at   TIMESTAMP(6) NOT NULL,
    CONSTRAINT ck_clinic_setting_change_key CHECK (setting_key IN ('clinic.name', 'clinic.address',
        'clinic.phone', 'clinic.time-zone', 'clinic.phone-region', 'clinic.display.language', 'clinic.queue.lanes',
        'clinic.queue.skip-places', 'clinic.queue.early-arrival', 'clinic.queue.long-wait',
        'clinic.reminders.same-day-cron', 'clinic.reminders.day-before-cron', 'clinic.logo')),
    CONSTRAINT ck_clinic_setting_change_differs CHECK (NOT (value_before <=> value_after)),
    CONSTRAINT ck_clinic_setting_change_by CHECK (CHAR_LENGTH(TRIM(changed_by)) > 0),
    KEY ix_clinic_setting_change_at (changed_at, id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin COMMENT = 'append-only audit';

CREATE TRIGGER tr_clinic_setting_change_no_update BEFORE UPDATE ON clinic_setting_change FOR EACH ROW
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'clinic_setting_change is an append-only audit log';

CREATE TRIGGER tr_clinic_setting_change_no_delete BEFORE DELETE ON clinic_setting_change FOR EACH ROW
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'clinic_setting_change is an append-only audit log';
