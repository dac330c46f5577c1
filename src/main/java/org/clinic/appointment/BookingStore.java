package org.clinic.appointment;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

/** The row-level guarantees booking relies on: the capacity counter, the patient's day lock, the event log. */
@Component
class BookingStore {

    private final JdbcClient jdbc;
    /** Doctor-days whose counter row is known to exist (rows are never deleted). */
    private final java.util.Set<String> knownDays = java.util.concurrent.ConcurrentHashMap.newKeySet();

    BookingStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Makes sure the doctor's day has its counter row. Called outside the booking transaction (auto-commit), so
     * concurrent first bookings of a day do not deadlock on creating it.
     */
    void ensureDay(long doctorId, LocalDate date, int capacity) {
        if (knownDays.contains(doctorId + "/" + date)) {
            return;
        }
        knownDays.add(doctorId + "/" + date);
        // A plain read first: it never waits for the bookings that hold the row, and the row usually exists.
        if (jdbc.sql("SELECT COUNT(*) FROM doctor_day WHERE doctor_id = :d AND on_date = :date")
                .param("d", doctorId).param("date", date).query(Integer.class).single() > 0) {
            return;
        }
        jdbc.sql("INSERT IGNORE INTO doctor_day (doctor_id, on_date, capacity, booked) VALUES (:d, :date, :capacity, 0)")
                .param("d", doctorId).param("date", date).param("capacity", capacity).update();
    }

    /** Takes one place of the doctor's day if one is left; false when the day is full. Holds the row lock. */
    boolean takePlace(long doctorId, LocalDate date) {
        return jdbc.sql("UPDATE doctor_day SET booked = booked + 1 WHERE doctor_id = :d AND on_date = :date"
                        + " AND booked < capacity")
                .param("d", doctorId).param("date", date).update() == 1;
    }

    /** The day's capacity when every place of it is taken (its counter row says so), else null. */
    @Nullable Integer capacityReached(long doctorId, LocalDate date) {
        return jdbc.sql("SELECT capacity FROM doctor_day WHERE doctor_id = :d AND on_date = :date AND booked >= capacity")
                .param("d", doctorId).param("date", date).query(Integer.class).optional().orElse(null);
    }

    /**
     * For several doctors and a span of days, in one query: the slot times each doctor-day holds, and which
     * doctor-days are at capacity (their counter row says so).
     */
    HeldDays heldBetween(java.util.Collection<Long> doctorIds, LocalDate from, LocalDate to) {
        java.util.Map<String, java.util.Set<LocalTime>> held = new java.util.HashMap<>();
        java.util.Set<String> full = new java.util.HashSet<>();
        if (doctorIds.isEmpty()) {
            return new HeldDays(held, full);
        }
        jdbc.sql("SELECT doctor_id, on_date, starts_at FROM appointment WHERE doctor_id IN (:d)"
                        + " AND on_date BETWEEN :from AND :to AND holds_slot = 1"
                        + " UNION ALL SELECT doctor_id, on_date, NULL FROM doctor_day WHERE doctor_id IN (:d)"
                        + " AND on_date BETWEEN :from AND :to AND booked >= capacity")
                .param("d", List.copyOf(doctorIds)).param("from", from).param("to", to)
                .query(rs -> {
                    String key = HeldDays.key(rs.getLong(1), rs.getObject(2, LocalDate.class));
                    LocalTime start = rs.getObject(3, LocalTime.class);
                    if (start == null) {
                        full.add(key);
                    } else {
                        held.computeIfAbsent(key, k -> new java.util.HashSet<>()).add(start);
                    }
                });
        return new HeldDays(held, full);
    }

    /** What {@link #heldBetween} read, by doctor (internal id) and date. */
    record HeldDays(java.util.Map<String, java.util.Set<LocalTime>> held, java.util.Set<String> full) {

        static String key(long doctorId, LocalDate date) {
            return doctorId + "/" + date;
        }

        java.util.Set<LocalTime> taken(long doctorId, LocalDate date) {
            return held.getOrDefault(key(doctorId, date), java.util.Set.of());
        }

        boolean full(long doctorId, LocalDate date) {
            return full.contains(key(doctorId, date));
        }
    }

    void releasePlace(long doctorId, LocalDate date) {
        jdbc.sql("UPDATE doctor_day SET booked = booked - 1 WHERE doctor_id = :d AND on_date = :date AND booked > 0")
                .param("d", doctorId).param("date", date).update();
    }


    /**
     * In one round trip, read under the patient's booking lock: the appointment a request already made, if any,
     * and the times the patient's active appointments of that date hold.
     */
    Prior prior(java.util.UUID requestId, long patientId, LocalDate date) {
        Long[] same = {null};
        List<LocalTime[]> held = new java.util.ArrayList<>();
        jdbc.sql("SELECT id, 1, NULL, NULL FROM appointment WHERE request_id = :r"
                        + " UNION ALL SELECT id, 0, starts_at, ends_at FROM appointment"
                        + " WHERE patient_id = :p AND on_date = :date AND holds_slot = 1")
                .param("r", requestId.toString()).param("p", patientId).param("date", date)
                .query(rs -> {
                    if (rs.getInt(2) == 1) {
                        same[0] = rs.getLong(1);
                    } else {
                        held.add(new LocalTime[]{rs.getObject(3, LocalTime.class), rs.getObject(4, LocalTime.class)});
                    }
                });
        return new Prior(java.util.Optional.ofNullable(same[0]), held);
    }

    record Prior(java.util.Optional<Long> sameRequest, List<LocalTime[]> held) {
    }

    /** Locks an appointment's row and returns its patient's internal id. */
    java.util.Optional<Long> lockAppointment(java.util.UUID appointmentId) {
        return jdbc.sql("SELECT patient_id FROM appointment WHERE public_id = :a FOR UPDATE")
                .param("a", appointmentId.toString()).query(Long.class).optional();
    }


    void recordEvent(long appointmentId, java.time.Instant at, String actor, @Nullable AppointmentStatus from,
                     AppointmentStatus to, @Nullable String note) {
        jdbc.sql("INSERT INTO appointment_event (appointment_id, occurred_at, actor, from_status, to_status, note)"
                        + " VALUES (:a, :at, :actor, :from, :to, :note)")
                .param("a", appointmentId).param("at", java.sql.Timestamp.from(at)).param("actor", actor)
                .param("from", from == null ? null : from.name()).param("to", to.name()).param("note", note)
                .update();
    }

    List<AppointmentHistoryEntry> history(long appointmentId) {
        return jdbc.sql("SELECT occurred_at, actor, from_status, to_status, note FROM appointment_event"
                        + " WHERE appointment_id = :a ORDER BY occurred_at, id")
                .param("a", appointmentId)
                .query((rs, row) -> new AppointmentHistoryEntry(rs.getTimestamp(1).toInstant(), rs.getString(2),
                        rs.getString(3) == null ? null : AppointmentStatus.valueOf(rs.getString(3)),
                        AppointmentStatus.valueOf(rs.getString(4)), rs.getString(5)))
                .list();
    }
}
