package org.clinic.consultation;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

/**
 * The append-only copies of every save of a consultation (table {@code consultation_version}): who, when, and the
 * content as saved, as JSON. The content is written from the same record the consultation row was saved from, so
 * a field added to {@link ConsultationContent} is kept here without a change.
 */
@Component
class ConsultationVersionStore {

    // A private mapper: the stored form must not change with the application's JSON settings. Record components
    // only; the records' derived values (Vitals.isEmpty, PrescriptionLine.isBlank) are not content.
    private static final JsonMapper JSON = JsonMapper.builder()
            .changeDefaultVisibility(v -> v.withIsGetterVisibility(JsonAutoDetect.Visibility.NONE))
            .build();

    private final JdbcClient jdbc;

    ConsultationVersionStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void keep(long consultationId, long version, ConsultationContent content, Instant at, String by,
              boolean completing) {
        jdbc.sql("INSERT INTO consultation_version (consultation_id, version, saved_at, saved_by, completing, content)"
                        + " VALUES (:id, :version, :at, :by, :completing, :content)")
                .param("id", consultationId).param("version", version).param("at", Timestamp.from(at))
                .param("by", by).param("completing", completing).param("content", JSON.writeValueAsString(content))
                .update();
    }

    List<ConsultationVersion> of(long consultationId) {
        return jdbc.sql("SELECT version, saved_at, saved_by, completing, content FROM consultation_version"
                        + " WHERE consultation_id = :id ORDER BY version")
                .param("id", consultationId)
                .query((rs, n) -> new ConsultationVersion(rs.getLong(1), rs.getTimestamp(2).toInstant(),
                        rs.getString(3), rs.getBoolean(4), JSON.readValue(rs.getString(5), ConsultationContent.class)))
                .list();
    }
}
