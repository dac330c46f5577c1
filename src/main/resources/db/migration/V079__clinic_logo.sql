-- The clinic's logo, uploaded on the settings screen: at most one row (id = 1), a PNG or JPEG of at most 256 KB.
-- Its changes are recorded in clinic_setting_change under the key 'clinic.logo' (a description, not the bytes).
CREATE TABLE clinic_logo (
    id           TINYINT      NOT NULL PRIMARY KEY,
    content_type VARCHAR(20)  NOT NULL,
    image        MEDIUMBLOB   NOT NULL,
    sha256       CHAR(64)     NOT NULL,
    updated_by   VARCHAR(50)  NOT NULL,
    updated_at   TIMESTAMP(6) NOT NULL,
    CONSTRAINT ck_clinic_logo_single CHECK (id = 1),
    CONSTRAINT ck_clinic_logo_type CHECK (content_type IN ('image/png', 'image/jpeg')),
    CONSTRAINT ck_clinic_logo_size CHECK (LENGTH(image) BETWEEN 1 AND 262144),
    CONSTRAINT ck_clinic_logo_sha CHECK (sha256 REGEXP '^[0-9a-f]{64}$')
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
