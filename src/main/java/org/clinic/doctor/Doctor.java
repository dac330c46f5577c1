package org.clinic.doctor;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.jspecify.annotations.Nullable;

import java.time.Duration;
import java.util.UUID;

@Entity
@Table(name = "doctor")
class Doctor {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @JdbcTypeCode(SqlTypes.UUID)
    @Column(name = "public_id", nullable = false, updatable = false)
    private UUID publicId;

    @Column(name = "staff_username", nullable = false, updatable = false)
    private String staffUsername;

    @Column(name = "display_name", nullable = false)
    private String displayName;

    @Column(name = "specialty_id", nullable = false)
    private Long specialtyId;

    @Column(nullable = false)
    private String email;

    /** Null only for a doctor added before V073 whose number did not have a registration number's shape. */
    @Column(name = "registration_number")
    private @Nullable String registrationNumber;

    @Column(nullable = false)
    private String room;

    @Column(name = "slot_minutes", nullable = false)
    private int slotMinutes;

    @Column(name = "daily_capacity", nullable = false)
    private int dailyCapacity;

    @Column(nullable = false)
    private boolean active;

    @Version
    private long version;

    protected Doctor() {
    }

    Doctor(NewDoctor details, Long specialtyId) {
        this.publicId = UUID.randomUUID();
        this.staffUsername = details.staffUsername();
        this.displayName = details.displayName();
        this.specialtyId = specialtyId;
        this.email = details.email();
        this.registrationNumber = details.registrationNumber();
        this.room = details.room();
        this.slotMinutes = details.slotMinutes();
        this.dailyCapacity = details.dailyCapacity();
        this.active = true;
    }

    Long id() {
        return id;
    }

    UUID publicId() {
        return publicId;
    }

    Long specialtyId() {
        return specialtyId;
    }

    long version() {
        return version;
    }

    boolean active() {
        return active;
    }

    String displayName() {
        return displayName;
    }

    void change(String displayName, Long specialtyId, String email, String registrationNumber, String room,
                int slotMinutes, int dailyCapacity) {
        this.displayName = displayName;
        this.specialtyId = specialtyId;
        this.email = email;
        this.registrationNumber = registrationNumber;
        this.room = room;
        this.slotMinutes = slotMinutes;
        this.dailyCapacity = dailyCapacity;
    }

    void setActive(boolean active) {
        this.active = active;
    }

    DoctorRecord toRecord(SpecialtySummary specialty) {
        return new DoctorRecord(publicId, displayName, specialty, room, slotMinutes, dailyCapacity, staffUsername,
                email, registrationNumber, active, version);
    }

    DoctorSummary toSummary(SpecialtySummary specialty) {
        return new DoctorSummary(publicId, id, displayName, specialty, room, Duration.ofMinutes(slotMinutes),
                dailyCapacity, staffUsername, email, registrationNumber, active);
    }
}
