-- What the pharmacist hands out (e.g. "21 capsules"), and, for a medicine that matches one of the patient's active
-- allergies, why the doctor prescribes it anyway. The lock triggers of V030 keep both unchanged once completed.
ALTER TABLE prescription_line
    ADD COLUMN quantity         VARCHAR(60)  NULL AFTER duration,
    ADD COLUMN allergy_override VARCHAR(300) NULL AFTER instructions;
