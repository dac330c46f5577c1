package org.clinic.portal;

import org.clinic.patient.PatientDetails;
import org.clinic.patient.Sex;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** Steps waiting for an emailed code ({@code portal_verification}); only the code's hash is stored. */
@Component
class PendingVerifications {

    enum Purpose { SIGN_UP, LINK, EMAIL_CHANGE }

    record Pending(long id, UUID publicId, Purpose purpose, String email, String codeHash,
                   @Nullable String passwordHash, @Nullable Long patientInternalId, @Nullable UUID patientId,
                   @Nullable Long accountId,
                   @Nullable Long invitationId, @Nullable PatientDetails details, Instant expiresAt,
                   @Nullable Instant usedAt, int failedTries) {
    }

    private static final RowMapper<Pending> ROW = (rs, row) -> {
        Purpose purpose = Purpose.valueOf(rs.getString("purpose"));
        PatientDetails details = purpose != Purpose.SIGN_UP ? null : new PatientDetails(rs.getString("given_name"),
                rs.getString("family_name"), rs.getDate("birth_date").toLocalDate(), false,
                Sex.valueOf(rs.getString("sex")), rs.getString("phone"), rs.getString("email"),
                rs.getString("address"));
        return new Pending(rs.getLong("id"), UUID.fromString(rs.getString("public_id")), purpose,
                rs.getString("email"), rs.getString("code_hash"), rs.getString("password_hash"),
                (Long) rs.getObject("patient_id", Long.class),
                rs.getString("patient_public_id") == null ? null : UUID.fromString(rs.getString("patient_public_id")),
                (Long) rs.getObject("account_id", Long.class),
                (Long) rs.getObject("invitation_id", Long.class), details, rs.getTimestamp("expires_at").toInstant(),
                rs.getTimestamp("used_at") == null ? null : rs.getTimestamp("used_at").toInstant(),
                rs.getInt("failed_tries"));
    };

    private final JdbcClient jdbc;

    PendingVerifications(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores a step; {@code details} only for a sign-up (already checked by the registry's rules). */
    void insert(UUID publicId, Purpose purpose, String email, String codeHash, @Nullable String passwordHash,
                @Nullable Long patientInternalId, @Nullable UUID patientId, @Nullable Long accountId, @Nullable Long invitationId,
                @Nullable PatientDetails details, Instant createdAt, Instant expiresAt) {
        jdbc.sql("INSERT INTO portal_verification (public_id, purpose, email, code_hash, password_hash, patient_id,"
                        + " patient_public_id, account_id, invitation_id, given_name, family_name, birth_date, sex, phone, address,"
                        + " created_at, expires_at) VALUES (:id, :purpose, :email, :code, :password, :patient,"
                        + " :patientId, :account, :invitation, :given, :family, :birth, :sex, :phone, :address, :created,"
                        + " :expires)")
                .param("id", publicId.toString()).param("purpose", purpose.name()).param("email", email)
                .param("code", codeHash).param("password", passwordHash).param("patient", patientInternalId)
                .param("patientId", patientId == null ? null : patientId.toString()).param("account", accountId).param("invitation", invitationId)
                .param("given", details == null ? null : details.givenName())
                .param("family", details == null ? null : details.familyName())
                .param("birth", details == null ? null : details.birthDate())
                .param("sex", details == null || details.sex() == null ? null : details.sex().name())
                .param("phone", details == null ? null : details.phone())
                .param("address", details == null ? null : details.address())
                .param("created", Timestamp.from(createdAt)).param("expires", Timestamp.from(expiresAt))
                .update();
    }

    /** The step, its row locked for the caller's transaction. */
    Optional<Pending> lock(UUID publicId) {
        return jdbc.sql("SELECT * FROM portal_verification WHERE public_id = :id FOR UPDATE")
                .param("id", publicId.toString()).query(ROW).optional();
    }

    /**
     * The step if this code is right for it and it is still open (not used, not expired, tries left), its row
     * locked for the caller's transaction; a wrong code counts a try. Empty says nothing of why.
     */
    Optional<Pending> check(UUID publicId, String code, int maxTries, Instant now) {
        Optional<Pending> found = lock(publicId);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Pending pending = found.get();
        if (pending.usedAt() != null || !pending.expiresAt().isAfter(now) || pending.failedTries() >= maxTries) {
            return Optional.empty();
        }
        if (!java.security.MessageDigest.isEqual(pending.codeHash().getBytes(java.nio.charset.StandardCharsets.UTF_8),
                PortalCodes.emailCodeHash(publicId, code).getBytes(java.nio.charset.StandardCharsets.UTF_8))) {
            failedTry(pending.id());
            return Optional.empty();
        }
        used(pending.id(), now);
        return Optional.of(pending);
    }

    void failedTry(long id) {
        jdbc.sql("UPDATE portal_verification SET failed_tries = failed_tries + 1 WHERE id = :id").param("id", id)
                .update();
    }

    void used(long id, Instant at) {
        jdbc.sql("UPDATE portal_verification SET used_at = :at WHERE id = :id AND used_at IS NULL")
                .param("at", Timestamp.from(at)).param("id", id).update();
    }
}
