package org.clinic.export;

/** What an export covers. */
public enum ExportKind {
    /** One patient's whole history, requested by a doctor. */
    PATIENT,
    /** Every visit of one doctor over a date range, requested by an administrator. */
    DOCTOR_RANGE
}
