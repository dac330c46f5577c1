package org.clinic.doctor;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.util.UUID;

@Entity
@Table(name = "specialty")
class Specialty {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @JdbcTypeCode(SqlTypes.UUID)
    @Column(name = "public_id", nullable = false, updatable = false)
    private UUID publicId;

    @Column(nullable = false)
    private String name;

    protected Specialty() {
    }

    Specialty(String name) {
        this.publicId = UUID.randomUUID();
        this.name = name;
    }

    Long id() {
        return id;
    }

    void rename(String name) {
        this.name = name;
    }

    SpecialtySummary toSummary() {
        return new SpecialtySummary(publicId, name, id);
    }
}
