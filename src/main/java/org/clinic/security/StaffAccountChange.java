package org.clinic.security;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;
import org.jspecify.annotations.Nullable;

import java.time.Instant;

/** One audited change to a staff account. Append-only: the database refuses UPDATE and DELETE (V059). */
@Entity
@Immutable
@Table(name = "staff_account_change")
class StaffAccountChange {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "account_id", nullable = false, updatable = false)
    private Long accountId;

    @Column(name = "changed_by", nullable = false, updatable = false)
    private String changedBy;

    @Enumerated(EnumType.STRING)
    @Column(name = "change_kind", nullable = false, updatable = false)
    private StaffAccountChangeEntry.Kind kind;

    @Enumerated(EnumType.STRING)
    @Column(name = "role_before", updatable = false)
    private @Nullable Role roleBefore;

    @Enumerated(EnumType.STRING)
    @Column(name = "role_after", updatable = false)
    private @Nullable Role roleAfter;

    @Column(name = "changed_at", nullable = false, updatable = false)
    private Instant changedAt;

    protected StaffAccountChange() {
    }

    StaffAccountChange(Long accountId, String changedBy, StaffAccountChangeEntry.Kind kind, @Nullable Role roleBefore,
                       @Nullable Role roleAfter, Instant changedAt) {
        this.accountId = accountId;
        this.changedBy = changedBy;
        this.kind = kind;
        this.roleBefore = roleBefore;
        this.roleAfter = roleAfter;
        this.changedAt = changedAt;
    }

    StaffAccountChangeEntry toEntry() {
        return new StaffAccountChangeEntry(changedAt, changedBy, kind, roleBefore, roleAfter);
    }
}
