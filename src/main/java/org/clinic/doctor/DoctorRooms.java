package org.clinic.doctor;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Duration;
import java.util.Optional;

/**
 * What the waiting room may know of a doctor without signing in (it is on the door): the name, the room and the
 * usual slot length, for a patient's own position page and the kiosk's ticket.
 */
@Service
public class DoctorRooms {

    private final JdbcClient jdbc;

    DoctorRooms(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A doctor by internal id (another module's foreign key). */
    @PreAuthorize("permitAll()")
    @Transactional(readOnly = true)
    public Optional<DoctorRoom> of(long doctorInternalId) {
        return jdbc.sql("SELECT public_id, display_name, room, slot_minutes FROM doctor WHERE id = :id")
                .param("id", doctorInternalId)
                .query((rs, row) -> new DoctorRoom(java.util.UUID.fromString(rs.getString(1)),
                        rs.getString(2), rs.getString(3), Duration.ofMinutes(rs.getInt(4))))
                .optional();
    }

    /** @param slotLength the doctor's configured slot, the wait estimate before any consultation of the day ended */
    public record DoctorRoom(java.util.UUID doctorId, String doctorName, String room, Duration slotLength) {
    }
}
