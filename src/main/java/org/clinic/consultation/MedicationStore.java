package org.clinic.consultation;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** What was prescribed at a patient's completed consultations, for their current medications. */
@Component
class MedicationStore {

    /** One prescribed medicine of a completed consultation; internal ids included, so never handed to screens. */
    record Prescribed(UUID consultationId, LocalDate visitDate, long doctorId, String medicine,
                      @Nullable String strength, @Nullable String dose, @Nullable String frequency,
                      @Nullable String duration) {
    }

    private final JdbcClient jdbc;

    MedicationStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Medicines of the patient's completed consultations with a visit date from {@code since}, newest first. */
    List<Prescribed> prescribedSince(long patientId, LocalDate since) {
        return jdbc.sql("SELECT c.public_id, c.visit_date, c.doctor_id, p.medicine, p.strength, p.dose, p.frequency,"
                        + " p.duration FROM consultation c JOIN prescription_line p ON p.consultation_id = c.id"
                        + " WHERE c.patient_id = :patient AND c.status = 'COMPLETED' AND c.visit_date >= :since"
                        + " AND p.medicine IS NOT NULL AND TRIM(p.medicine) <> ''"
                        + " ORDER BY c.visit_date DESC, c.completed_at DESC, c.id DESC, p.position")
                .param("patient", patientId).param("since", since)
                .query((rs, n) -> new Prescribed(UUID.fromString(rs.getString(1)), rs.getObject(2, LocalDate.class),
                        rs.getLong(3), rs.getString(4).strip(), rs.getString(5), rs.getString(6), rs.getString(7),
                        rs.getString(8))).list();
    }
}
