package org.clinic.appointment;

import org.clinic.base.VisitCodes;
import org.clinic.security.Role;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Finds appointments by the codes patients carry ({@link VisitCodes}): the visit code of a public link, or the
 * booking code typed at the kiosk. Each lookup is one read on a unique key.
 */
@Service
public class AppointmentCodes {

    static final String KIOSK_AND_FRONT_DESK = "hasAnyRole('" + Role.KIOSK_NAME + "','" + Role.RECEPTIONIST_NAME
            + "','" + Role.ADMIN_NAME + "')";

    private static final String COLUMNS = "public_id, id, patient_id, doctor_id, on_date, starts_at, status,"
            + " visit_code";
    private static final RowMapper<BookedVisit> VISIT = (rs, row) -> new BookedVisit(UUID.fromString(rs.getString(1)),
            rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getObject(5, LocalDate.class),
            rs.getObject(6, LocalTime.class), AppointmentStatus.valueOf(rs.getString(7)), rs.getString(8));

    private final JdbcClient jdbc;

    AppointmentCodes(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The appointment behind a visit link. Open to anyone: the code itself is the permission (144 random bits),
     * and what comes back names nobody. The caller decides whether the link is still valid (its day).
     */
    @PreAuthorize("permitAll()")
    @Transactional(readOnly = true)
    public Optional<BookedVisit> byVisitCode(@Nullable String code) {
        if (!VisitCodes.isVisitCode(code)) {
            return Optional.empty();
        }
        return jdbc.sql("SELECT " + COLUMNS + " FROM appointment WHERE visit_code = :code")
                .param("code", code).query(VISIT).optional();
    }

    /** The appointments with a booking code, on any day (the code is unique per day), newest first. */
    @PreAuthorize(KIOSK_AND_FRONT_DESK)
    @Transactional(readOnly = true)
    public List<BookedVisit> byBookingCode(@Nullable String typed) {
        String code = VisitCodes.bookingCode(typed);
        if (code == null) {
            return List.of();
        }
        return jdbc.sql("SELECT " + COLUMNS + " FROM appointment WHERE booking_code = :code"
                        + " ORDER BY on_date DESC LIMIT 20")
                .param("code", code).query(VISIT).list();
    }
}
