package org.clinic.clinical;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The rows of allergies, their per-patient status, alerts, problems and the history of their changes (V070). */
@Component
class SafetyStore {

    /** A row's patient and status, for the services to check before they change it. */
    record Owner(long patientId, UUID patientPublicId, ClinicalStatus status, String summary) {
    }

    /** One row of the queue's badge read: the patient's public id and what it says. */
    record BadgeRow(UUID patientId, long patientInternalId, String kind, String text, @Nullable String severity) {
    }

    private static final String ALLERGY = "SELECT public_id, substance, reaction, severity, status, recorded_at,"
            + " recorded_by, changed_at, changed_by FROM allergy ";
    private static final RowMapper<Allergy> ALLERGY_ROW = (rs, n) -> new Allergy(UUID.fromString(rs.getString(1)),
            rs.getString(2), rs.getString(3), Severity.valueOf(rs.getString(4)),
            ClinicalStatus.valueOf(rs.getString(5)), rs.getTimestamp(6).toInstant(), rs.getString(7),
            rs.getTimestamp(8).toInstant(), rs.getString(9));
    private static final String ALERT = "SELECT public_id, kind, detail, clinical, status, recorded_at, recorded_by"
            + " FROM care_alert ";
    private static final RowMapper<CareAlert> ALERT_ROW = (rs, n) -> new CareAlert(UUID.fromString(rs.getString(1)),
            AlertKind.valueOf(rs.getString(2)), rs.getString(3), rs.getBoolean(4),
            ClinicalStatus.valueOf(rs.getString(5)), rs.getTimestamp(6).toInstant(), rs.getString(7));
    private static final String PROBLEM = "SELECT public_id, code, title, onset_on, status, recorded_at, recorded_by,"
            + " changed_at, changed_by FROM problem ";
    private static final RowMapper<Problem> PROBLEM_ROW = (rs, n) -> new Problem(UUID.fromString(rs.getString(1)),
            rs.getString(2), rs.getString(3), rs.getObject(4, LocalDate.class),
            ClinicalStatus.valueOf(rs.getString(5)), rs.getTimestamp(6).toInstant(), rs.getString(7),
            rs.getTimestamp(8).toInstant(), rs.getString(9));

    private final JdbcClient jdbc;

    SafetyStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    // ------------------------------------------------------------------------------------------------- reads

    AllergyStatus allergyStatus(long patientId) {
        return jdbc.sql("SELECT status FROM allergy_status WHERE patient_id = :p").param("p", patientId)
                .query(String.class).optional().map(AllergyStatus::valueOf).orElse(AllergyStatus.UNKNOWN);
    }

    /** A patient's allergies, active first, then newest first. */
    List<Allergy> allergies(long patientId) {
        return jdbc.sql(ALLERGY + "WHERE patient_id = :p ORDER BY status = 'ACTIVE' DESC, recorded_at DESC, id DESC")
                .param("p", patientId).query(ALLERGY_ROW).list();
    }

    List<Allergy> activeAllergies(long patientId) {
        return jdbc.sql(ALLERGY + "WHERE patient_id = :p AND status = 'ACTIVE' ORDER BY recorded_at, id")
                .param("p", patientId).query(ALLERGY_ROW).list();
    }

    /** A patient's alerts (the non-clinical ones only, unless asked), active first, then newest first. */
    List<CareAlert> alerts(long patientId, boolean withClinical) {
        return jdbc.sql(ALERT + "WHERE patient_id = :p" + (withClinical ? "" : " AND NOT clinical")
                        + " ORDER BY status = 'ACTIVE' DESC, recorded_at DESC, id DESC")
                .param("p", patientId).query(ALERT_ROW).list();
    }

    List<Problem> problems(long patientId) {
        return jdbc.sql(PROBLEM + "WHERE patient_id = :p ORDER BY status = 'ACTIVE' DESC, onset_on IS NULL,"
                        + " onset_on DESC, recorded_at DESC, id DESC")
                .param("p", patientId).query(PROBLEM_ROW).list();
    }

    /**
     * For a whole queue at once: each patient's allergy status, active allergies and active alerts (the non-clinical
     * ones only, unless asked), as rows of (patient, kind, text, severity). One statement whatever the queue's length.
     */
    List<BadgeRow> badges(Collection<UUID> patientIds, boolean withClinical) {
        if (patientIds.isEmpty()) {
            return List.of();
        }
        List<String> ids = patientIds.stream().map(UUID::toString).toList();
        String clinical = withClinical ? "" : "AND FALSE ";
        return jdbc.sql("SELECT p.public_id, p.id, 'STATUS', s.status, NULL FROM patient p JOIN allergy_status s"
                        + " ON s.patient_id = p.id WHERE p.public_id IN (:ids) " + clinical
                        + "UNION ALL SELECT p.public_id, p.id, 'ALLERGY', a.substance, a.severity FROM patient p JOIN allergy a"
                        + " ON a.patient_id = p.id AND a.status = 'ACTIVE' WHERE p.public_id IN (:ids) " + clinical
                        + "UNION ALL SELECT p.public_id, p.id, 'ALERT', c.kind, c.detail FROM patient p JOIN care_alert c"
                        + " ON c.patient_id = p.id AND c.status = 'ACTIVE'" + (withClinical ? "" : " AND NOT c.clinical")
                        + " WHERE p.public_id IN (:ids)")
                .param("ids", ids)
                .query((rs, n) -> new BadgeRow(UUID.fromString(rs.getString(1)), rs.getLong(2), rs.getString(3),
                        rs.getString(4), rs.getString(5))).list();
    }

    Optional<Owner> allergyOwner(UUID allergyId) {
        return jdbc.sql("SELECT a.patient_id, p.public_id, a.status, CONCAT(a.substance, ' — ', LOWER(a.severity))"
                        + " FROM allergy a JOIN patient p ON p.id = a.patient_id WHERE a.public_id = :id")
                .param("id", allergyId.toString()).query(OWNER).optional();
    }

    Optional<Owner> alertOwner(UUID alertId) {
        return jdbc.sql("SELECT c.patient_id, p.public_id, c.status, CONCAT(c.kind, IF(c.clinical, ' (clinical)', ''),"
                        + " COALESCE(CONCAT(': ', c.detail), '')) FROM care_alert c JOIN patient p ON p.id = c.patient_id"
                        + " WHERE c.public_id = :id")
                .param("id", alertId.toString()).query(OWNER).optional();
    }

    Optional<Boolean> alertIsClinical(UUID alertId) {
        return jdbc.sql("SELECT clinical FROM care_alert WHERE public_id = :id").param("id", alertId.toString())
                .query(Boolean.class).optional();
    }

    Optional<Owner> problemOwner(UUID problemId) {
        return jdbc.sql("SELECT r.patient_id, p.public_id, r.status, CONCAT(r.code, ' · ', r.title)"
                        + " FROM problem r JOIN patient p ON p.id = r.patient_id WHERE r.public_id = :id")
                .param("id", problemId.toString()).query(OWNER).optional();
    }

    private static final RowMapper<Owner> OWNER = (rs, n) -> new Owner(rs.getLong(1), UUID.fromString(rs.getString(2)),
            ClinicalStatus.valueOf(rs.getString(3)), rs.getString(4));

    // ------------------------------------------------------------------------------------------------ writes

    /**
     * The patient's allergy status for a change, made UNKNOWN first if the patient has no row yet. The caller holds
     * the patient's lock ({@link SafetyWrites#lockPatient}), so no two changes of one patient's allergies interleave.
     */
    AllergyStatus allergyStatusForChange(long patientId, Instant at, String by) {
        Optional<String> status = jdbc.sql("SELECT status FROM allergy_status WHERE patient_id = :p")
                .param("p", patientId).query(String.class).optional();
        if (status.isPresent()) {
            return AllergyStatus.valueOf(status.get());
        }
        // no row means no active allergy (V070's trigger refuses an active one without HAS_ALLERGIES)
        jdbc.sql("INSERT INTO allergy_status (patient_id, status, changed_at, changed_by) VALUES (:p, 'UNKNOWN', :at,"
                + " :by)").param("p", patientId).param("at", Timestamp.from(at)).param("by", by).update();
        return AllergyStatus.UNKNOWN;
    }

    void setAllergyStatus(long patientId, AllergyStatus status, Instant at, String by) {
        jdbc.sql("UPDATE allergy_status SET status = :s, changed_at = :at, changed_by = :by WHERE patient_id = :p")
                .param("s", status.name()).param("at", Timestamp.from(at)).param("by", by).param("p", patientId)
                .update();
    }

    void insertAllergy(UUID id, long patientId, RecordAllergy allergy, Instant at, String by) {
        jdbc.sql("INSERT INTO allergy (public_id, patient_id, substance, reaction, severity, status, recorded_at,"
                        + " recorded_by, changed_at, changed_by) VALUES (:id, :p, :substance, :reaction, :severity,"
                        + " 'ACTIVE', :at, :by, :at, :by)")
                .param("id", id.toString()).param("p", patientId).param("substance", allergy.substance())
                .param("reaction", allergy.reaction())
                .param("severity", java.util.Objects.requireNonNull(allergy.severity()).name())
                .param("at", Timestamp.from(at)).param("by", by).update();
    }

    /** Moves an active row of the table to another status; false when it was not active any more. */
    boolean changeStatus(String table, UUID id, ClinicalStatus status, Instant at, String by) {
        return jdbc.sql("UPDATE " + table + " SET status = :s, changed_at = :at, changed_by = :by"
                        + " WHERE public_id = :id AND status = 'ACTIVE'")
                .param("s", status.name()).param("at", Timestamp.from(at)).param("by", by)
                .param("id", id.toString()).update() == 1;
    }

    boolean hasActiveAllergies(long patientId) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM allergy WHERE patient_id = :p AND status = 'ACTIVE')")
                .param("p", patientId).query(Boolean.class).single();
    }

    void insertAlert(UUID id, long patientId, RecordAlert alert, Instant at, String by) {
        jdbc.sql("INSERT INTO care_alert (public_id, patient_id, kind, detail, clinical, status, recorded_at,"
                        + " recorded_by, changed_at, changed_by) VALUES (:id, :p, :kind, :detail, :clinical, 'ACTIVE',"
                        + " :at, :by, :at, :by)")
                .param("id", id.toString()).param("p", patientId)
                .param("kind", java.util.Objects.requireNonNull(alert.kind()).name()).param("detail", alert.detail())
                .param("clinical", alert.clinical()).param("at", Timestamp.from(at)).param("by", by).update();
    }

    void insertProblem(UUID id, long patientId, ProblemCode code, @Nullable LocalDate onset, Instant at, String by) {
        jdbc.sql("INSERT INTO problem (public_id, patient_id, code, title, onset_on, status, recorded_at, recorded_by,"
                        + " changed_at, changed_by) VALUES (:id, :p, :code, :title, :onset, 'ACTIVE', :at, :by, :at, :by)")
                .param("id", id.toString()).param("p", patientId).param("code", code.code())
                .param("title", code.title()).param("onset", onset).param("at", Timestamp.from(at)).param("by", by)
                .update();
    }

    Optional<Problem> activeProblem(long patientId, String code) {
        return jdbc.sql(PROBLEM + "WHERE patient_id = :p AND status = 'ACTIVE' AND code = :c")
                .param("p", patientId).param("c", code).query(PROBLEM_ROW).optional();
    }

    /** One row of the history of changes (V070's clinical_safety_change, append-only). */
    record Change(long patientId, String item, @Nullable UUID itemId, String action, String summary,
                  @Nullable String medicine, @Nullable String reason, @Nullable UUID consultationId) {
    }

    void audit(Change change, Instant at, String by) {
        jdbc.sql("INSERT INTO clinical_safety_change (patient_id, changed_at, changed_by, item, item_public_id, action,"
                        + " summary, medicine, reason, consultation_public_id) VALUES (:p, :at, :by, :item, :itemId,"
                        + " :action, :summary, :medicine, :reason, :consultation)")
                .param("p", change.patientId()).param("at", Timestamp.from(at)).param("by", by)
                .param("item", change.item()).param("itemId", change.itemId() == null ? null : change.itemId().toString())
                .param("action", change.action()).param("summary", shortened(change.summary(), 500))
                .param("medicine", change.medicine()).param("reason", change.reason())
                .param("consultation", change.consultationId() == null ? null : change.consultationId().toString())
                .update();
    }

    private static String shortened(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
