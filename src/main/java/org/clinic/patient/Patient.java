package org.clinic.patient;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.clinic.base.RuleViolation;
import org.clinic.base.Texts;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

@Entity
@Table(name = "patient")
class Patient {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @JdbcTypeCode(SqlTypes.UUID)
    @Column(name = "public_id", nullable = false, updatable = false)
    private UUID publicId;

    @Column(nullable = false, updatable = false)
    private String mrn;

    @Column(name = "given_name", nullable = false)
    private String givenName;

    @Column(name = "family_name", nullable = false)
    private String familyName;

    @Column(name = "birth_date", nullable = false)
    private LocalDate birthDate;

    @Column(name = "birth_date_estimated", nullable = false)
    private boolean birthDateEstimated;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Sex sex;

    private @Nullable String phone;
    private @Nullable String email;
    private @Nullable String address;

    /** The contact preference: whether the clinic may email the patient (confirmations, reminders). */
    @Column(name = "email_messages", nullable = false)
    private boolean emailMessages = true;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private PatientStatus status;

    @Column(name = "search_family_first", nullable = false)
    private String searchFamilyFirst;

    @Column(name = "search_given_first", nullable = false)
    private String searchGivenFirst;

    @Column(name = "registered_at", nullable = false, updatable = false)
    private Instant registeredAt;

    @Version
    private long version;

    protected Patient() {
    }

    /** @param details already checked and cleaned by {@link PatientRules} */
    Patient(String mrn, PatientDetails details, Instant registeredAt) {
        this.publicId = UUID.randomUUID();
        this.mrn = mrn;
        this.status = PatientStatus.ACTIVE;
        this.registeredAt = registeredAt;
        apply(details);
    }

    /**
     * Applies checked details and returns what changed, field by field, for the audit trail.
     */
    List<FieldChange> update(PatientDetails details) {
        List<FieldChange> changes = new ArrayList<>();
        compare(changes, "Given name", givenName, details.givenName());
        compare(changes, "Family name", familyName, details.familyName());
        compare(changes, "Date of birth", birthDate, details.birthDate());
        compare(changes, "Date of birth estimated", birthDateEstimated ? "yes" : "no",
                details.birthDateEstimated() ? "yes" : "no");
        compare(changes, "Sex", sex.label(), Objects.requireNonNull(details.sex()).label());
        compare(changes, "Phone", phone, details.phone());
        compare(changes, "Email", email, details.email());
        compare(changes, "Address", address, details.address());
        apply(details);
        return changes;
    }

    /** Changes the contact preference; empty when it already was so. */
    java.util.Optional<FieldChange> allowEmailMessages(boolean allowed) {
        if (emailMessages == allowed) {
            return java.util.Optional.empty();
        }
        emailMessages = allowed;
        return java.util.Optional.of(new FieldChange("Email messages", allowed ? "no" : "yes", allowed ? "yes" : "no"));
    }

    PatientContact toContact() {
        return new PatientContact(publicId, id, givenName + " " + familyName, email, emailMessages);
    }

    FieldChange deactivate() {
        if (status == PatientStatus.INACTIVE) {
            throw new RuleViolation(null, "The patient is already inactive");
        }
        status = PatientStatus.INACTIVE;
        return new FieldChange("Status", PatientStatus.ACTIVE.label(), PatientStatus.INACTIVE.label());
    }

    FieldChange reactivate() {
        if (status == PatientStatus.ACTIVE) {
            throw new RuleViolation(null, "The patient is already active");
        }
        status = PatientStatus.ACTIVE;
        return new FieldChange("Status", PatientStatus.INACTIVE.label(), PatientStatus.ACTIVE.label());
    }

    private void apply(PatientDetails details) {
        this.givenName = Objects.requireNonNull(details.givenName());
        this.familyName = Objects.requireNonNull(details.familyName());
        this.birthDate = Objects.requireNonNull(details.birthDate());
        this.birthDateEstimated = details.birthDateEstimated();
        this.sex = Objects.requireNonNull(details.sex());
        this.phone = details.phone();
        this.email = details.email();
        this.address = details.address();
        this.searchFamilyFirst = searchKeyFamilyFirst(familyName, givenName);
        this.searchGivenFirst = Texts.searchKey(givenName + " " + familyName);
    }

    static String searchKeyFamilyFirst(String familyName, String givenName) {
        return Texts.searchKey(familyName + " " + givenName);
    }

    private static void compare(List<FieldChange> changes, String field, @Nullable Object before, @Nullable Object after) {
        if (!Objects.equals(before, after)) {
            changes.add(new FieldChange(field, before == null ? null : before.toString(),
                    after == null ? null : after.toString()));
        }
    }

    Long id() {
        return id;
    }

    UUID publicId() {
        return publicId;
    }

    long version() {
        return version;
    }

    PatientRecord toRecord() {
        return new PatientRecord(publicId, mrn, givenName, familyName, birthDate, birthDateEstimated, sex, phone,
                email, address, status, registeredAt, version, emailMessages);
    }

    PatientReference toReference() {
        return new PatientReference(publicId, id, givenName + " " + familyName, mrn, status, birthDate,
                birthDateEstimated, sex);
    }

    record FieldChange(String field, @Nullable String oldValue, @Nullable String newValue) {

        /** True for a change of the given or family name (the name keys follow it). */
        boolean isName() {
            return field.equals("Given name") || field.equals("Family name");
        }
    }
}
