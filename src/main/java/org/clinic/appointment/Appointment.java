package org.clinic.appointment;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.clinic.base.RuleViolation;
import org.clinic.base.VisitCodes;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.UUID;

@Entity
@Table(name = "appointment")
class Appointment {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @JdbcTypeCode(SqlTypes.UUID)
    @Column(name = "public_id", nullable = false, updatable = false)
    private UUID publicId;

    @JdbcTypeCode(SqlTypes.UUID)
    @Column(name = "request_id", nullable = false, updatable = false)
    private UUID requestId;

    /** The capability behind the visit's public position page; see {@link VisitCodes}. */
    @Column(name = "visit_code", nullable = false, updatable = false)
    private String visitCode;

    /** What the patient types at the kiosk (with their date of birth); unique per day. */
    @Column(name = "booking_code", nullable = false, updatable = false)
    private String bookingCode;

    @Column(name = "patient_id", nullable = false, updatable = false)
    private Long patientId;

    @Column(name = "doctor_id", nullable = false, updatable = false)
    private Long doctorId;

    @Column(name = "on_date", nullable = false, updatable = false)
    private LocalDate date;

    @Column(name = "starts_at", nullable = false, updatable = false)
    private LocalTime start;

    @Column(name = "ends_at", nullable = false, updatable = false)
    private LocalTime end;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private AppointmentKind kind;

    @Column(updatable = false)
    private @Nullable String reason;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private AppointmentStatus status;

    @Column(name = "rescheduled_from", updatable = false)
    private @Nullable Long rescheduledFrom;

    @Column(name = "booked_at", nullable = false, updatable = false)
    private Instant bookedAt;

    @Column(name = "booked_by", nullable = false, updatable = false)
    private String bookedBy;

    /** Booked by the patient in the portal, not by the front desk or a doctor. */
    @Column(name = "booked_online", nullable = false, updatable = false)
    private boolean bookedOnline;

    @Version
    private long version;

    protected Appointment() {
    }

    Appointment(UUID requestId, long patientId, long doctorId, LocalDate date, LocalTime start, LocalTime end,
                AppointmentKind kind, @Nullable String reason, @Nullable Long rescheduledFrom, Instant bookedAt,
                String bookedBy, boolean bookedOnline) {
        this.publicId = UUID.randomUUID();
        this.requestId = requestId;
        this.visitCode = VisitCodes.newVisitCode();
        this.bookingCode = VisitCodes.newBookingCode();
        this.patientId = patientId;
        this.doctorId = doctorId;
        this.date = date;
        this.start = start;
        this.end = end;
        this.kind = kind;
        this.reason = reason;
        this.status = AppointmentStatus.SCHEDULED;
        this.rescheduledFrom = rescheduledFrom;
        this.bookedAt = bookedAt;
        this.bookedBy = bookedBy;
        this.bookedOnline = bookedOnline;
    }

    /** Moves to the next status if the rules allow it; returns the status it left. */
    AppointmentStatus moveTo(AppointmentStatus next, LocalDateTime now) {
        if (!status.canBecome(next)) {
            throw new RuleViolation(null, switch (status) {
                case COMPLETED -> "This appointment is completed and can no longer change";
                case IN_CONSULTATION -> "The consultation has started: the appointment can only be completed";
                case CANCELLED -> "This appointment was cancelled";
                case NO_SHOW -> "This appointment was marked as a no-show";
                default -> "An appointment that is " + status.label().toLowerCase() + " cannot become "
                        + next.label().toLowerCase();
            });
        }
        // A booked patient who never came is a no-show only once their time has passed; one who checked in and
        // then did not answer their call can be one at once.
        if (next == AppointmentStatus.NO_SHOW && status == AppointmentStatus.SCHEDULED
                && now.isBefore(LocalDateTime.of(date, end))) {
            throw new RuleViolation(null, "A no-show can be recorded only after the appointment's time has passed");
        }
        AppointmentStatus previous = status;
        status = next;
        return previous;
    }

    Long id() {
        return id;
    }

    UUID publicId() {
        return publicId;
    }

    UUID requestId() {
        return requestId;
    }

    String visitCode() {
        return visitCode;
    }

    String bookingCode() {
        return bookingCode;
    }

    Long patientId() {
        return patientId;
    }

    Long doctorId() {
        return doctorId;
    }

    LocalDate date() {
        return date;
    }

    LocalTime start() {
        return start;
    }

    LocalTime end() {
        return end;
    }

    AppointmentStatus status() {
        return status;
    }

    AppointmentKind kind() {
        return kind;
    }

    @Nullable String reason() {
        return reason;
    }

    @Nullable Long rescheduledFrom() {
        return rescheduledFrom;
    }

    boolean bookedOnline() {
        return bookedOnline;
    }
}
