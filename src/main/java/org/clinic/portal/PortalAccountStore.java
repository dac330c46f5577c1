package org.clinic.portal;

import org.clinic.security.PatientPrincipal;
import org.clinic.security.PatientSignInAccounts;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * Patients' portal accounts in {@code patient_account}; also what the portal's sign-in looks accounts up in. The
 * database keeps the vital rules: one active account per registry patient and per email address.
 */
@Component
class PortalAccountStore implements PatientSignInAccounts {

    record Account(long id, UUID publicId, String email, String passwordHash, long patientInternalId,
                   UUID patientId, boolean active, Instant createdAt, Instant verifiedAt) {
    }

    private static final String COLUMNS = "id, public_id, email, password_hash, patient_id, patient_public_id,"
            + " status, created_at, verified_at";
    private static final RowMapper<Account> ROW = (rs, row) -> new Account(rs.getLong("id"),
            UUID.fromString(rs.getString("public_id")), rs.getString("email"), rs.getString("password_hash"),
            rs.getLong("patient_id"), UUID.fromString(rs.getString("patient_public_id")),
            "ACTIVE".equals(rs.getString("status")), rs.getTimestamp("created_at").toInstant(),
            rs.getTimestamp("verified_at").toInstant());

    private final JdbcClient jdbc;

    PortalAccountStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The active account with this email, else the latest revoked one (refused at sign-in as disabled). */
    @Override
    @Transactional(readOnly = true)
    public Optional<PatientPrincipal> findByEmail(String email) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM patient_account WHERE email = :email"
                        + " ORDER BY status = 'ACTIVE' DESC, id DESC LIMIT 1")
                .param("email", normalized(email)).query(ROW).optional()
                .map(a -> new PatientPrincipal(a.email(), a.passwordHash(), a.active(), a.publicId(), a.patientId(),
                        a.patientInternalId()));
    }

    Optional<Account> activeOfPatient(long patientInternalId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM patient_account WHERE active_patient_id = :p")
                .param("p", patientInternalId).query(ROW).optional();
    }

    Optional<Account> activeWithEmail(String email) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM patient_account WHERE active_email = :e")
                .param("e", normalized(email)).query(ROW).optional();
    }

    Optional<Account> byPublicId(UUID accountId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM patient_account WHERE public_id = :id")
                .param("id", accountId.toString()).query(ROW).optional();
    }

    /** Locks the account's row for the caller's transaction. */
    Optional<Account> lock(UUID accountId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM patient_account WHERE public_id = :id FOR UPDATE")
                .param("id", accountId.toString()).query(ROW).optional();
    }

    long insert(UUID publicId, String email, String passwordHash, long patientInternalId, UUID patientId,
                Instant createdAt, Instant verifiedAt) {
        jdbc.sql("INSERT INTO patient_account (public_id, email, password_hash, patient_id, patient_public_id,"
                        + " status, created_at, verified_at) VALUES (:id, :email, :hash, :patient, :patientId,"
                        + " 'ACTIVE', :created, :verified)")
                .param("id", publicId.toString()).param("email", normalized(email)).param("hash", passwordHash)
                .param("patient", patientInternalId).param("patientId", patientId.toString())
                .param("created", Timestamp.from(createdAt)).param("verified", Timestamp.from(verifiedAt))
                .update();
        return jdbc.sql("SELECT id FROM patient_account WHERE public_id = :id").param("id", publicId.toString())
                .query(Long.class).single();
    }

    boolean revoke(long accountId, Instant at, String by) {
        return jdbc.sql("UPDATE patient_account SET status = 'REVOKED', revoked_at = :at, revoked_by = :by,"
                        + " version = version + 1 WHERE id = :id AND status = 'ACTIVE'")
                .param("at", Timestamp.from(at)).param("by", by).param("id", accountId).update() == 1;
    }

    void changeEmail(long accountId, String email) {
        jdbc.sql("UPDATE patient_account SET email = :email, version = version + 1 WHERE id = :id")
                .param("email", normalized(email)).param("id", accountId).update();
    }

    void changePasswordHash(long accountId, String hash) {
        jdbc.sql("UPDATE patient_account SET password_hash = :hash, version = version + 1 WHERE id = :id")
                .param("hash", hash).param("id", accountId).update();
    }

    static String normalized(@Nullable String email) {
        return email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
    }
}
