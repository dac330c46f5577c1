package org.clinic.patient;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.jspecify.annotations.Nullable;

import java.time.Instant;

/** One audited change to a patient. Append-only. */
@Entity
@Table(name = "patient_change")
class PatientChange {

    private static final int VALUE_MAX = 300;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "patient_id", nullable = false, updatable = false)
    private Long patientId;

    @Column(name = "changed_at", nullable = false, updatable = false)
    private Instant changedAt;

    @Column(name = "changed_by", nullable = false, updatable = false)
    private String changedBy;

    @Column(nullable = false, updatable = false)
    private String field;

    @Column(name = "old_value", updatable = false)
    private @Nullable String oldValue;

    @Column(name = "new_value", updatable = false)
    private @Nullable String newValue;

    protected PatientChange() {
    }

    PatientChange(Long patientId, Instant changedAt, String changedBy, Patient.FieldChange change) {
        this.patientId = patientId;
        this.changedAt = changedAt;
        this.changedBy = changedBy;
        this.field = change.field();
        this.oldValue = truncate(change.oldValue());
        this.newValue = truncate(change.newValue());
    }

    PatientChangeEntry toEntry() {
        return new PatientChangeEntry(changedAt, changedBy, field, oldValue, newValue);
    }

    private static @Nullable String truncate(@Nullable String value) {
        return value == null || value.length() <= VALUE_MAX ? value : value.substring(0, VALUE_MAX - 1) + "…";
    }
}
