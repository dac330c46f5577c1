package org.clinic.consultation;

import org.clinic.doctor.DoctorSummary;
import org.clinic.patient.PatientReference;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/** The consultation rows, their prescription lines and addenda. */
@Component
class ConsultationStore {

    /** A consultation row; internal ids included, so never handed to screens. */
    record Row(long id, UUID publicId, @Nullable Long queueEntryId, @Nullable UUID queueEntryPublicId,
               @Nullable String token, @Nullable Long appointmentId, @Nullable UUID appointmentPublicId,
               long patientId, long doctorId, ConsultationStatus status, LocalDate visitDate, Instant startedAt,
               String startedBy, Instant savedAt, String savedBy, @Nullable Instant completedAt,
               @Nullable String completedBy, ConsultationContent content, @Nullable Long followUpAppointmentId,
               @Nullable UUID followUpPublicId, long version) {

        /** What screens and services see of this row, given whose it is and who treated; {@code mine}: the reader's. */
        Consultation toConsultation(PatientReference patient, DoctorSummary doctor,
                                    List<Consultation.Addendum> addenda, boolean mine) {
            return new Consultation(publicId, patient.id(), patient.fullName(), patient.mrn(),
                    patient.birthDate(), patient.birthDateEstimated(), patient.sex(), queueEntryPublicId,
                    token, appointmentPublicId, doctor.id(), doctor.displayName(), doctor.specialty().name(),
                    doctor.room(), status, visitDate, startedAt, savedAt, savedBy, completedAt, completedBy, version,
                    content, addenda, followUpPublicId, mine);
        }
    }

    private static final String SELECT = "SELECT c.id, c.public_id, c.queue_entry_id, q.public_id, q.token,"
            + " c.appointment_id, a.public_id, c.patient_id, c.doctor_id, c.status, c.visit_date, c.started_at,"
            + " c.started_by, c.saved_at, c.saved_by, c.completed_at, c.completed_by, c.systolic, c.diastolic, c.pulse,"
            + " c.temperature, c.spo2, c.respiratory_rate, c.weight_kg, c.height_cm, c.chief_complaint,"
            + " c.history_notes, c.examination_notes, c.diagnosis, c.diagnosis_code, c.advice, c.follow_up_on,"
            + " c.follow_up_note, c.follow_up_appointment_id, f.public_id, c.version"
            + " FROM consultation c LEFT JOIN queue_entry q ON q.id = c.queue_entry_id"
            + " LEFT JOIN appointment a ON a.id = c.appointment_id"
            + " LEFT JOIN appointment f ON f.id = c.follow_up_appointment_id ";

    private static final RowMapper<Row> ROW = (rs, n) -> new Row(rs.getLong(1), uuid(rs.getString(2)),
            rs.getObject(3, Long.class), uuidOrNull(rs.getString(4)), rs.getString(5), rs.getObject(6, Long.class),
            uuidOrNull(rs.getString(7)), rs.getLong(8), rs.getLong(9), ConsultationStatus.valueOf(rs.getString(10)),
            rs.getObject(11, LocalDate.class), instant(rs.getTimestamp(12)), rs.getString(13),
            instant(rs.getTimestamp(14)), rs.getString(15), instantOrNull(rs.getTimestamp(16)), rs.getString(17),
            new ConsultationContent(new Vitals(integer(rs, 18), integer(rs, 19), integer(rs, 20), decimal(rs, 21),
                    integer(rs, 22), integer(rs, 23), decimal(rs, 24), decimal(rs, 25)), rs.getString(26),
                    rs.getString(27), rs.getString(28), rs.getString(29), rs.getString(30), List.of(),
                    rs.getString(31), rs.getObject(32, LocalDate.class), rs.getString(33)),
            rs.getObject(34, Long.class), uuidOrNull(rs.getString(35)), rs.getLong(36));

    private final JdbcClient jdbc;

    ConsultationStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(UUID publicId, @Nullable Long queueEntryId, @Nullable Long appointmentId, long patientId,
                long doctorId, LocalDate visitDate, Instant at, String by) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO consultation (public_id, queue_entry_id, appointment_id, patient_id, doctor_id, status,"
                        + " visit_date, started_at, started_by, saved_at, saved_by) VALUES (:publicId, :entry,"
                        + " :appointment, :patient, :doctor, 'DRAFT', :date, :at, :by, :at, :by)")
                .param("publicId", publicId.toString()).param("entry", queueEntryId)
                .param("appointment", appointmentId).param("patient", patientId).param("doctor", doctorId)
                .param("date", visitDate).param("at", Timestamp.from(at)).param("by", by)
                .update(keys, "id");
        return Objects.requireNonNull(keys.getKey()).longValue();
    }

    /** Locks the consultation's row until the transaction ends; the first statement of every change. */
    Optional<Long> lock(UUID publicId) {
        return jdbc.sql("SELECT id FROM consultation WHERE public_id = :id FOR UPDATE")
                .param("id", publicId.toString()).query(Long.class).optional();
    }

    Optional<Row> byPublicId(UUID publicId) {
        return jdbc.sql(SELECT + "WHERE c.public_id = :id").param("id", publicId.toString()).query(ROW).optional()
                .map(this::withLines);
    }

    Optional<Row> byQueueEntry(long queueEntryId) {
        return jdbc.sql(SELECT + "WHERE c.queue_entry_id = :e").param("e", queueEntryId).query(ROW).optional()
                .map(this::withLines);
    }

    Optional<Row> byAppointment(long appointmentId) {
        return jdbc.sql(SELECT + "WHERE c.appointment_id = :a").param("a", appointmentId).query(ROW).optional()
                .map(this::withLines);
    }

    /** A patient's consultations, newest first; with their prescriptions only when asked. */
    List<Row> ofPatient(long patientId, @Nullable ConsultationStatus status, boolean withLines) {
        List<Row> rows = jdbc.sql(SELECT + "WHERE c.patient_id = :p" + (status == null ? "" : " AND c.status = :s")
                        + " ORDER BY c.started_at DESC, c.id DESC")
                .param("p", patientId).param("s", status == null ? "" : status.name()).query(ROW).list();
        if (!withLines || rows.isEmpty()) {
            return rows;
        }
        Map<Long, List<PrescriptionLine>> lines = lines(rows.stream().map(Row::id).toList());
        return rows.stream().map(r -> withLines(r, lines.getOrDefault(r.id(), List.of()))).toList();
    }

    /** The latest weight recorded at another completed consultation of the patient, up to {@code upTo}. */
    java.util.Optional<RecordedWeight> latestWeight(long patientId, long otherThan, LocalDate upTo) {
        return jdbc.sql("SELECT weight_kg, visit_date FROM consultation WHERE patient_id = :p AND id <> :id"
                        + " AND status = 'COMPLETED' AND weight_kg IS NOT NULL AND visit_date <= :upTo"
                        + " ORDER BY visit_date DESC, started_at DESC LIMIT 1")
                .param("p", patientId).param("id", otherThan).param("upTo", upTo)
                .query((rs, n) -> new RecordedWeight(rs.getDouble(1), rs.getObject(2, LocalDate.class)))
                .optional();
    }

    /** A doctor's completed consultations with a visit date in the range, oldest first, with their prescriptions. */
    List<Row> completedOfDoctor(long doctorId, LocalDate from, LocalDate to) {
        List<Row> rows = jdbc.sql(SELECT + "WHERE c.doctor_id = :d AND c.status = 'COMPLETED'"
                        + " AND c.visit_date BETWEEN :from AND :to ORDER BY c.visit_date, c.started_at, c.id")
                .param("d", doctorId).param("from", from).param("to", to).query(ROW).list();
        if (rows.isEmpty()) {
            return rows;
        }
        Map<Long, List<PrescriptionLine>> lines = lines(rows.stream().map(Row::id).toList());
        return rows.stream().map(r -> withLines(r, lines.getOrDefault(r.id(), List.of()))).toList();
    }

    /** Writes a draft's content, only over the version it was based on; false when the row moved on meanwhile. */
    boolean saveDraft(long id, long version, ConsultationContent c, Instant at, String by) {
        Vitals v = c.vitals();
        int updated = jdbc.sql("UPDATE consultation SET systolic = :sys, diastolic = :dia, pulse = :pulse,"
                        + " temperature = :temp, spo2 = :spo2, respiratory_rate = :rr, weight_kg = :weight,"
                        + " height_cm = :height, chief_complaint = :complaint, history_notes = :history,"
                        + " examination_notes = :exam, diagnosis = :diagnosis, diagnosis_code = :code, advice = :advice,"
                        + " follow_up_on = :followUp, follow_up_note = :followUpNote, saved_at = :at, saved_by = :by,"
                        + " version = version + 1 WHERE id = :id AND version = :version AND status = 'DRAFT'")
                .param("sys", v.systolic()).param("dia", v.diastolic()).param("pulse", v.pulse())
                .param("temp", v.temperature()).param("spo2", v.spo2()).param("rr", v.respiratoryRate())
                .param("weight", v.weight()).param("height", v.height())
                .param("complaint", c.chiefComplaint()).param("history", c.history())
                .param("exam", c.examination()).param("diagnosis", c.diagnosis()).param("code", c.diagnosisCode())
                .param("advice", c.advice()).param("followUp", c.followUpOn()).param("followUpNote", c.followUpNote())
                .param("at", Timestamp.from(at)).param("by", by).param("id", id).param("version", version)
                .update();
        if (updated != 1) {
            return false;
        }
        jdbc.sql("DELETE FROM prescription_line WHERE consultation_id = :id").param("id", id).update();
        int position = 1;
        for (PrescriptionLine line : c.prescription()) {
            jdbc.sql("INSERT INTO prescription_line (consultation_id, position, medicine, strength, dose, frequency,"
                            + " duration, quantity, instructions, allergy_override) VALUES (:id, :pos, :medicine,"
                            + " :strength, :dose, :frequency, :duration, :quantity, :instructions, :override)")
                    .param("id", id).param("pos", position++).param("medicine", line.medicine())
                    .param("strength", line.strength()).param("dose", line.dose())
                    .param("frequency", line.frequency()).param("duration", line.duration())
                    .param("quantity", line.quantity()).param("instructions", line.instructions())
                    .param("override", line.allergyOverride()).update();
        }
        return true;
    }

    void complete(long id, Instant at, String by) {
        int updated = jdbc.sql("UPDATE consultation SET status = 'COMPLETED', completed_at = :at, completed_by = :by,"
                        + " version = version + 1 WHERE id = :id AND status = 'DRAFT'")
                .param("at", Timestamp.from(at)).param("by", by).param("id", id).update();
        if (updated != 1) {
            throw new IllegalStateException("Consultation " + id + " is not a draft under its lock");
        }
    }

    void linkFollowUp(long id, long appointmentId) {
        jdbc.sql("UPDATE consultation SET follow_up_appointment_id = :a, version = version + 1 WHERE id = :id")
                .param("a", appointmentId).param("id", id).update();
    }

    void addAddendum(long consultationId, String text, Instant at, String by, String authorName) {
        jdbc.sql("INSERT INTO consultation_addendum (consultation_id, written_at, written_by, author_name, body)"
                        + " VALUES (:id, :at, :by, :name, :body)")
                .param("id", consultationId).param("at", Timestamp.from(at)).param("by", by)
                .param("name", authorName).param("body", text).update();
    }

    List<Consultation.Addendum> addenda(long consultationId) {
        return jdbc.sql("SELECT body, written_by, author_name, written_at FROM consultation_addendum"
                        + " WHERE consultation_id = :id ORDER BY written_at, id")
                .param("id", consultationId)
                .query((rs, n) -> new Consultation.Addendum(rs.getString(1), rs.getString(2), rs.getString(3),
                        instant(rs.getTimestamp(4)))).list();
    }

    Map<Long, List<Consultation.Addendum>> addenda(Collection<Long> consultationIds) {
        Map<Long, List<Consultation.Addendum>> all = new LinkedHashMap<>();
        if (consultationIds.isEmpty()) {
            return all;
        }
        jdbc.sql("SELECT consultation_id, body, written_by, author_name, written_at FROM consultation_addendum"
                        + " WHERE consultation_id IN (:ids) ORDER BY written_at, id")
                .param("ids", consultationIds)
                .query((rs, n) -> {
                    all.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(new Consultation.Addendum(
                            rs.getString(2), rs.getString(3), rs.getString(4), instant(rs.getTimestamp(5))));
                    return null;
                }).list();
        return all;
    }

    private Row withLines(Row row) {
        return withLines(row, lines(List.of(row.id())).getOrDefault(row.id(), List.of()));
    }

    private static Row withLines(Row r, List<PrescriptionLine> lines) {
        ConsultationContent c = r.content();
        return new Row(r.id(), r.publicId(), r.queueEntryId(), r.queueEntryPublicId(), r.token(), r.appointmentId(),
                r.appointmentPublicId(), r.patientId(), r.doctorId(), r.status(), r.visitDate(), r.startedAt(),
                r.startedBy(), r.savedAt(), r.savedBy(), r.completedAt(), r.completedBy(),
                new ConsultationContent(c.vitals(), c.chiefComplaint(), c.history(), c.examination(), c.diagnosis(),
                        c.diagnosisCode(), lines, c.advice(), c.followUpOn(), c.followUpNote()),
                r.followUpAppointmentId(), r.followUpPublicId(), r.version());
    }

    private Map<Long, List<PrescriptionLine>> lines(Collection<Long> consultationIds) {
        Map<Long, List<PrescriptionLine>> all = new LinkedHashMap<>();
        jdbc.sql("SELECT consultation_id, medicine, strength, dose, frequency, duration, quantity,"
                        + " instructions, allergy_override"
                        + " FROM prescription_line WHERE consultation_id IN (:ids) ORDER BY consultation_id, position")
                .param("ids", consultationIds)
                .query((rs, n) -> {
                    all.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(new PrescriptionLine(
                            rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6),
                            rs.getString(7), rs.getString(8), rs.getString(9)));
                    return null;
                }).list();
        return all;
    }

    private static UUID uuid(String text) {
        return UUID.fromString(text);
    }

    private static @Nullable UUID uuidOrNull(@Nullable String text) {
        return text == null ? null : UUID.fromString(text);
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp.toInstant();
    }

    private static @Nullable Instant instantOrNull(@Nullable Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    private static @Nullable Integer integer(ResultSet rs, int column) throws SQLException {
        int value = rs.getInt(column);
        return rs.wasNull() ? null : value;
    }

    private static @Nullable Double decimal(ResultSet rs, int column) throws SQLException {
        BigDecimal value = rs.getBigDecimal(column);
        return value == null ? null : value.doubleValue();
    }
}
