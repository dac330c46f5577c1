package org.clinic.security;

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
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.util.UUID;

@Entity
@Table(name = "staff_account")
class StaffAccount {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @JdbcTypeCode(SqlTypes.UUID)
    @Column(name = "public_id", nullable = false, updatable = false)
    private UUID publicId;

    @Column(nullable = false, updatable = false)
    private String username;

    @Column(name = "display_name", nullable = false)
    private String displayName;

    @Column(name = "password_hash", nullable = false)
    private String passwordHash;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Role role;

    @Column(nullable = false)
    private boolean enabled;

    /** Only a DISPLAY account may show initials; the database checks it too (ck_staff_account_display_initials). */
    @Column(name = "display_initials", nullable = false)
    private boolean displayInitials;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Version
    private long version;

    protected StaffAccount() {
    }

    StaffAccount(String username, String displayName, String passwordHash, Role role, Instant createdAt) {
        this.publicId = UUID.randomUUID();
        this.username = username;
        this.displayName = displayName;
        this.passwordHash = passwordHash;
        this.role = role;
        this.enabled = true;
        this.createdAt = createdAt;
    }

    UUID publicId() {
        return publicId;
    }

    String username() {
        return username;
    }

    String displayName() {
        return displayName;
    }

    String passwordHash() {
        return passwordHash;
    }

    Role role() {
        return role;
    }

    boolean enabled() {
        return enabled;
    }

    Instant createdAt() {
        return createdAt;
    }

    Long id() {
        return id;
    }

    boolean displayInitials() {
        return displayInitials;
    }

    void disable() {
        enabled = false;
    }

    void enable() {
        enabled = true;
    }

    void changeRole(Role newRole) {
        role = newRole;
        if (newRole != Role.DISPLAY) {
            displayInitials = false;
        }
    }

    /** Whether this display device shows patients' initials next to tokens; refused for people's accounts. */
    void showInitials(boolean shown) {
        if (role != Role.DISPLAY) {
            throw new RuleViolation(null, "Only a waiting-room display shows initials");
        }
        displayInitials = shown;
    }

    void changePasswordHash(String newHash) {
        passwordHash = newHash;
    }

    StaffAccountSummary toSummary() {
        return new StaffAccountSummary(publicId, username, displayName, role, enabled, createdAt, displayInitials);
    }
}
