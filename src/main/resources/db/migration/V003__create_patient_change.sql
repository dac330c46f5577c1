-- Every change to a patient: who changed which field, from what to what, and when.
CREATE TABLE patient_change (
    id          BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    patient_id  BIGINT       NOT NULL,
    changed_at  TIMESTAMP(6) NOT NULL,
    changed_by  VARCHAR(50)  NOT NULL,
    field       VARCHAR(40)  NOT NULL,
    old_value   VARCHAR(300) NULL,
    new_value   VARCHAR(300) NULL,
    CONSTRAINT fk_patient_change_patient FOREIGN KEY (patient_id) REFERENCES patient (id),
    INDEX ix_patient_change_patient (patient_id, changed_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_uca1400_ai_ci;
