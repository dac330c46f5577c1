package org.clinic.visit;

import org.clinic.appointment.AppointmentCodes;
import org.clinic.appointment.BookedVisit;
import org.clinic.base.ClinicSettings;
import org.clinic.base.VisitCodes;
import org.clinic.doctor.DoctorRooms;
import org.clinic.queue.QueuePlace;
import org.clinic.queue.QueuePositions;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;

/**
 * The public position page's reads. A visit link is valid on its visit's day only; an unknown, expired or foreign
 * code, and any code from an address that tried too many unknown ones, get the same neutral answer, so the page
 * never tells a guesser anything. Once the patient is in the queue the page follows the line's shared read
 * ({@link QueuePositions}); before that, one indexed read of the appointment per change of its doctor's line.
 */
@Service
public class VisitPositions {

    private final QueuePositions queue;
    private final AppointmentCodes appointments;
    private final DoctorRooms rooms;
    private final VisitLimits limits;
    private final Clock clock;

    VisitPositions(QueuePositions queue, AppointmentCodes appointments, DoctorRooms rooms, VisitLimits limits,
                   Clock clock, ClinicSettings clinic) {
        this.queue = queue;
        this.appointments = appointments;
        this.rooms = rooms;
        this.limits = limits;
        this.clock = clinic.following(clock);
    }

    /** The visit a link names, as the page first shows it; {@code address} is the browser's, for the rate limit. */
    @PreAuthorize("permitAll()")
    public VisitStatus open(@Nullable String code, String address) {
        if (limits.linksLimited(address)) {
            return VisitStatus.notValid();
        }
        Optional<VisitStatus> found = VisitCodes.isVisitCode(code) ? read(code) : Optional.empty();
        if (found.isEmpty()) {
            limits.unknownLink(address);
        }
        return found.filter(status -> today().equals(status.date())).orElseGet(VisitStatus::notValid);
    }

    /** The visit again after a change; the neutral answer once its day is over. */
    @PreAuthorize("permitAll()")
    public VisitStatus refresh(VisitStatus known) {
        if (!known.valid()) {
            return known;
        }
        Optional<VisitStatus> now = known.place() != null ? queue.refresh(known.place()).map(this::ofPlace)
                : read(known.code());
        return now.filter(status -> today().equals(status.date())).orElseGet(VisitStatus::notValid);
    }

    private Optional<VisitStatus> read(String code) {
        Optional<QueuePlace> place = queue.byVisitCode(code);
        if (place.isPresent()) {
            return place.map(this::ofPlace);
        }
        return appointments.byVisitCode(code).map(this::ofBooking);
    }

    private VisitStatus ofBooking(BookedVisit booked) {
        var room = rooms.of(booked.doctorInternalId());
        VisitStatus.Kind kind = switch (booked.status()) {
            case CANCELLED -> VisitStatus.Kind.CANCELLED;
            case NO_SHOW -> VisitStatus.Kind.NO_SHOW;
            case COMPLETED -> VisitStatus.Kind.DONE;
            default -> VisitStatus.Kind.BOOKED;
        };
        return new VisitStatus(kind, booked.visitCode(), booked.date(), booked.start(), null, 0, Duration.ZERO, false,
                room.map(DoctorRooms.DoctorRoom::room).orElse(""), Set.of("doctor:" + booked.doctorInternalId()),
                room.map(DoctorRooms.DoctorRoom::doctorId).orElse(null), null);
    }

    private VisitStatus ofPlace(QueuePlace place) {
        VisitStatus.Kind kind = switch (place.status()) {
            case WAITING -> VisitStatus.Kind.WAITING;
            case CALLED -> VisitStatus.Kind.CALLED;
            case IN_CONSULTATION -> VisitStatus.Kind.BEING_SEEN;
            case DONE -> VisitStatus.Kind.DONE;
            case NO_SHOW, LEFT -> VisitStatus.Kind.NO_SHOW;
        };
        return new VisitStatus(kind, place.visitCode(), place.date(), null, place.token(), place.ahead(),
                place.estimatedWait(), place.estimateFromToday(), place.room(), place.lines(), null, place);
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }
}
