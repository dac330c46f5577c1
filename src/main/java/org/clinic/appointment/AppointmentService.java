package org.clinic.appointment;

import org.clinic.base.ClinicSettings;
import org.clinic.base.NotFoundException;
import org.clinic.base.Retries;
import org.clinic.base.ClinicDates;
import org.clinic.base.RuleViolation;
import org.clinic.base.Texts;
import org.clinic.doctor.DaySchedule;
import org.clinic.doctor.DoctorService;
import org.clinic.doctor.DoctorSummary;
import org.clinic.doctor.Slot;
import org.clinic.patient.PatientReference;
import org.clinic.patient.PatientService;
import org.clinic.security.CurrentStaff;
import org.clinic.security.Role;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Booking that can never double-book. Every guarantee is the database's: a unique key lets a slot hold one active
 * appointment, a counter row with a CHECK keeps a doctor's day within capacity (taken with a conditional UPDATE),
 * the patient's row is locked while an overlap is checked, and a unique request id makes a repeated submission book
 * once. A booking that loses a deadlock is retried.
 * <p>
 * The commands only (book, move, cancel, no-show, check-in, and the queue's moves); what they change is read back
 * through {@link AppointmentQueries}.
 */
@Service
public class AppointmentService {

    static final String FRONT_DESK = "hasAnyRole('" + Role.RECEPTIONIST_NAME + "','" + Role.ADMIN_NAME + "')";
    /** The field of the violation raised when an appointment is checked in a second time. */
    public static final String ALREADY_CHECKED_IN = "alreadyCheckedIn";
    static final String STAFF = "hasAnyRole('" + Role.RECEPTIONIST_NAME + "','" + Role.DOCTOR_NAME + "','"
            + Role.ADMIN_NAME + "')";

    private final AppointmentRepository appointments;
    private final BookingStore store;
    private final AppointmentReads reads;
    private final PatientService patients;
    private final DoctorService doctors;
    private final CurrentStaff currentStaff;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final TransactionTemplate transaction;
    private final int horizonDays;

    AppointmentService(AppointmentRepository appointments, BookingStore store, AppointmentReads reads,
                       PatientService patients, DoctorService doctors, CurrentStaff currentStaff,
                       ApplicationEventPublisher events, Clock clock, PlatformTransactionManager transactions,
                       ClinicSettings settings,
                       @Value("${clinic.booking.horizon-days:180}") int horizonDays) {
        this.appointments = appointments;
        this.store = store;
        this.reads = reads;
        this.patients = patients;
        this.doctors = doctors;
        this.currentStaff = currentStaff;
        this.events = events;
        this.clock = settings.following(clock);
        this.transaction = new TransactionTemplate(transactions);
        this.horizonDays = horizonDays;
    }

    @PreAuthorize(FRONT_DESK)
    public AppointmentSummary book(BookAppointment request) {
        return book(request, null, BookingSteps.none());
    }

    /**
     * A booking with the caller's {@code steps} inside its transaction: {@link BookingSteps#earlier()} first (an
     * earlier answer ends it, nothing booked), then the booking, then {@link BookingSteps#answer}. One commit for all
     * of it; a refusal rolls all of it back, and a retry (deadlock, request-id race) runs all of it again.
     */
    @PreAuthorize(FRONT_DESK)
    public <T> T book(BookAppointment request, BookingSteps<T> steps) {
        return book(request, null, steps);
    }

    /** A booking by the front desk ({@code online} null) or by the patient in the portal, under the portal's rules. */
    AppointmentSummary book(BookAppointment request, @Nullable OnlineRules online) {
        return book(request, online, BookingSteps.none());
    }

    private <T> T book(BookAppointment request, @Nullable OnlineRules online, BookingSteps<T> steps) {
        try {
            return bookOnce(request, online, steps);
        } catch (RuleViolation refused) {
            events.publishEvent(BookingRefused.of(refused)); // for the meters (BookingMeters)
            throw refused;
        }
    }

    private <T> T bookOnce(BookAppointment request, @Nullable OnlineRules online, BookingSteps<T> steps) {
        DoctorSummary doctor = doctors.doctor(request.doctorId());
        store.ensureDay(doctor.internalId(), request.date(), doctor.dailyCapacity()); // own short transaction
        try {
            return retryingDeadlocks(() -> transaction.execute(status -> steps.earlier()
                    .orElseGet(() -> steps.answer(bookInTransaction(request, null, online)))));
        } catch (AlreadyBooked same) { // an earlier submission of this request booked it: that appointment answers
            return retryingDeadlocks(() -> transaction.execute(status -> steps.earlier().orElseGet(() -> steps.answer(
                    reads.summarize(List.of(appointments.findById(same.appointmentId).orElseThrow())).getFirst()))));
        } catch (SlotTaken taken) {
            throw stillFree(request.doctorId(), request.date(), request.start());
        }
    }

    /**
     * A follow-up booked from a consultation by the doctor (or by the front desk): the same booking, with the same
     * guarantees and the same idempotent request id, for follow-up appointments only.
     */
    @PreAuthorize(STAFF)
    public AppointmentSummary bookFollowUp(BookAppointment request) {
        if (request.kind() != AppointmentKind.FOLLOW_UP) {
            throw new RuleViolation("kind", "Only a follow-up can be booked from a consultation");
        }
        return book(request);
    }

    /** Cancels with a reason; refused once the consultation has started. Frees the slot and the capacity. */
    @PreAuthorize(FRONT_DESK)
    public AppointmentSummary cancel(UUID appointmentId, String reason) {
        return cancel(appointmentId, reason, null);
    }

    /** A cancellation by the front desk ({@code online} null) or by the patient, under the portal's rules. */
    AppointmentSummary cancel(UUID appointmentId, String reason, @Nullable OnlineRules online) {
        String why = Texts.clean(reason);
        if (why == null || Texts.hasInvisibleCharacters(reason) || why.length() > 300) {
            throw new RuleViolation("reason", "Give a reason for the cancellation (at most 300 characters)");
        }
        return retryingDeadlocks(() -> transaction.execute(status -> {
            Appointment appointment = find(appointmentId);
            if (online != null) {
                online.mayChange(appointment);
            }
            changeStatus(appointment, AppointmentStatus.CANCELLED, why);
            AppointmentSummary cancelled = reads.summarize(List.of(appointment)).getFirst();
            events.publishEvent(new AppointmentCancelled(cancelled, appointment.id()));
            return cancelled;
        }));
    }

    /** Moves an appointment to another slot in one step: the new one is booked and linked, the old one cancelled. */
    @PreAuthorize(FRONT_DESK)
    public AppointmentSummary reschedule(UUID appointmentId, UUID requestId, UUID doctorId, LocalDate date,
                                         LocalTime start) {
        return reschedule(appointmentId, requestId, doctorId, date, start, null);
    }

    /** A move by the front desk ({@code online} null) or by the patient, under the portal's rules. */
    AppointmentSummary reschedule(UUID appointmentId, UUID requestId, UUID doctorId, LocalDate date, LocalTime start,
                                  @Nullable OnlineRules online) {
        try {
            return moveOnce(appointmentId, requestId, doctorId, date, start, online);
        } catch (SlotTaken taken) {
            throw stillFree(doctorId, date, start);
        }
    }

    private AppointmentSummary moveOnce(UUID appointmentId, UUID requestId, UUID doctorId, LocalDate date,
                                        LocalTime start, @Nullable OnlineRules online) {
        return retryingDeadlocks(() -> transaction.execute(status -> {
            // Locking reads first (they take no snapshot): the appointment's row, then its patient's booking lock.
            long patientId = store.lockAppointment(appointmentId)
                    .orElseThrow(() -> new NotFoundException("No appointment with this id"));
            patients.lockForBooking(patientId);
            Appointment old = find(appointmentId);
            if (old.status() != AppointmentStatus.SCHEDULED) {
                throw new RuleViolation(null, "Only a scheduled appointment can be moved");
            }
            if (online != null) {
                online.mayChange(old);
            }
            PatientReference patient = patientOf(old);
            DoctorSummary doctor = doctors.doctor(doctorId);
            store.ensureDay(doctor.internalId(), date, doctor.dailyCapacity());
            changeStatus(old, AppointmentStatus.CANCELLED, "Rescheduled to " + ClinicDates.dateAndTime(date, start));
            return bookInTransaction(new BookAppointment(requestId, patient.id(), doctorId, date, start, old.kind(),
                    old.reason()), old.id(), online);
        }));
    }

    /** The slot was taken: offers the next free ones, read after the losing transaction rolled back. */
    private SlotTaken stillFree(UUID doctorId, LocalDate date, LocalTime start) {
        return new SlotTaken(transaction.execute(status -> reads.freeSlots(doctors.daySchedule(doctorId, date)))
                .stream().filter(s -> s.start().isAfter(start)).limit(5).toList());
    }

    /** Records that the patient did not come; only once the appointment's time has passed. */
    @PreAuthorize(FRONT_DESK)
    public AppointmentSummary markNoShow(UUID appointmentId) {
        return transaction.execute(status -> {
            Appointment appointment = find(appointmentId);
            changeStatus(appointment, AppointmentStatus.NO_SHOW, null);
            return reads.summarize(List.of(appointment)).getFirst();
        });
    }

    /**
     * Checks a patient in for the live queue, inside the queue's transaction: locks the appointment (the first
     * statement, so concurrent check-ins of one appointment run one after the other), and allows it only on the
     * appointment's day, from {@code earlyArrival} before its time, and only once.
     */
    @PreAuthorize(FRONT_DESK)
    @Transactional(propagation = org.springframework.transaction.annotation.Propagation.MANDATORY)
    public CheckedInAppointment checkIn(UUID appointmentId, java.time.Duration earlyArrival) {
        store.lockAppointment(appointmentId).orElseThrow(() -> new NotFoundException("No appointment with this id"));
        Appointment appointment = find(appointmentId);
        AppointmentSummary summary = reads.summarize(List.of(appointment)).getFirst();
        if (appointment.status() == AppointmentStatus.CHECKED_IN
                || appointment.status() == AppointmentStatus.IN_CONSULTATION
                || appointment.status() == AppointmentStatus.COMPLETED) {
            throw new RuleViolation(ALREADY_CHECKED_IN, summary.patientName() + " is already checked in");
        }
        LocalDateTime now = LocalDateTime.now(clock);
        if (!appointment.date().equals(now.toLocalDate())) {
            throw new RuleViolation(null, "Check-in is only possible on the day of the appointment ("
                    + ClinicDates.date(appointment.date()) + ")");
        }
        LocalDateTime opens = LocalDateTime.of(appointment.date(), appointment.start()).minus(earlyArrival);
        if (now.isBefore(opens)) {
            throw new RuleViolation(null, "Too early: check-in for the " + ClinicDates.time(appointment.start())
                    + " appointment opens at " + ClinicDates.time(opens.toLocalTime()));
        }
        changeStatus(appointment, AppointmentStatus.CHECKED_IN, null);
        return new CheckedInAppointment(appointment.id(), appointment.publicId(), appointment.patientId(),
                summary.patientId(), appointment.doctorId(), summary.doctorId(), appointment.date(), appointment.start(),
                appointment.kind(), appointment.reason());
    }

    /** The queue moved a checked-in patient on: into the consultation, completed, a no-show, or back (undo). */
    @PreAuthorize(STAFF)
    @Transactional(propagation = org.springframework.transaction.annotation.Propagation.MANDATORY)
    public void queueMoved(long appointmentInternalId, AppointmentStatus next, @Nullable String note) {
        Appointment appointment = appointments.findById(appointmentInternalId)
                .orElseThrow(() -> new NotFoundException("No appointment with this id"));
        if (appointment.status() != next) {
            changeStatus(appointment, next, note);
        }
    }

    private AppointmentSummary bookInTransaction(BookAppointment request, @Nullable Long rescheduledFrom,
                                                 @Nullable OnlineRules online) {
        // First statement: the patient's booking lock. Bookings for one patient run one after the other, and every
        // read below sees what the previous one committed (a same request, an overlapping appointment).
        PatientReference patient = patients.lockForBooking(request.patientId());
        BookingStore.Prior prior = store.prior(request.requestId(), patient.internalId(), request.date());
        if (prior.sameRequest().isPresent()) {
            throw new AlreadyBooked(prior.sameRequest().get());
        }
        if (!patient.active()) {
            throw new RuleViolation("patientId", patient.fullName() + " is inactive and cannot be booked; "
                    + "reactivate the patient first");
        }
        if (online != null) { // under the patient's lock: their other bookings are all counted
            online.mayBook(patient.internalId(), request);
        }
        DaySchedule day = doctors.daySchedule(request.doctorId(), request.date());
        DoctorSummary doctor = day.doctor();
        LocalDateTime now = LocalDateTime.now(clock);
        if (!LocalDateTime.of(request.date(), request.start()).isAfter(now)) {
            throw new RuleViolation("start", "Appointments can only be booked in the future");
        }
        if (request.date().isAfter(now.toLocalDate().plusDays(horizonDays))) {
            throw new RuleViolation("date", "Bookings open " + horizonDays + " days ahead; choose an earlier date");
        }
        if (!day.isOpen()) {
            throw new RuleViolation("date", day.closedWhy() == null ? "No working hours on this day" : day.closedWhy());
        }
        Slot slot = day.slotAt(request.start()).orElseThrow(() -> new RuleViolation("start",
                "Not a slot of " + doctor.displayName() + "'s working hours"));
        String reason = Texts.clean(request.reason());
        if (reason != null && (reason.length() > 300 || Texts.hasInvisibleCharacters(request.reason()))) {
            throw new RuleViolation("reason", "At most 300 characters, no control characters");
        }
        for (LocalTime[] held : prior.held()) {
            if (held[0].isBefore(slot.end()) && slot.start().isBefore(held[1])) {
                throw new RuleViolation("start", patient.fullName() + " already has an appointment at "
                        + ClinicDates.time(held[0]) + " that day");
            }
        }
        // The slot's unique key decides who gets it; then the day's counter decides whether there is room. The
        // counter row stays locked until commit, so it is taken last.
        Appointment appointment;
        try {
            appointment = appointments.saveAndFlush(new Appointment(request.requestId(), patient.internalId(),
                    doctor.internalId(), request.date(), slot.start(), slot.end(), request.kind(), reason,
                    rescheduledFrom, clock.instant(), currentStaff.usernameForAudit(), online != null));
        } catch (DataIntegrityViolationException e) {
            if (String.valueOf(e.getMessage()).contains("uk_appointment_request_id")
                    || String.valueOf(e.getMessage()).contains("uk_appointment_booking_code")) {
                // the same request committed meanwhile in another transaction (retried and found above), or the
                // random booking code is taken that day (retried with a new one)
                throw e;
            }
            throw new SlotTaken(List.of());
        }
        store.recordEvent(appointment.id(), clock.instant(), currentStaff.usernameForAudit(), null,
                AppointmentStatus.SCHEDULED, rescheduledFrom == null ? null : "Rescheduled");
        Appointment original = rescheduledFrom == null ? null : appointments.findById(rescheduledFrom).orElseThrow();
        AppointmentSummary booked = new AppointmentSummary(appointment.publicId(), patient.id(), patient.fullName(),
                patient.mrn(), doctor.id(), doctor.displayName(), doctor.specialty().name(), doctor.room(),
                request.date(), slot.start(), slot.end(), AppointmentStatus.SCHEDULED, request.kind(), reason,
                original == null ? null : original.publicId(), online != null, appointment.bookingCode(),
                appointment.visitCode());
        // Listeners write in this transaction (the confirmation in the outbox) before the day's counter row is
        // locked, so that lock, which every booking of the day waits for, is held only for the commit.
        events.publishEvent(new AppointmentBooked(booked, appointment.id(),
                original == null ? null : reads.summarize(List.of(original)).getFirst()));
        if (!store.takePlace(doctor.internalId(), request.date())) {
            throw new CapacityReached(doctor.displayName() + " is fully booked on " + ClinicDates.date(request.date())
                    + " (" + doctor.dailyCapacity() + " patients)");
        }
        events.publishEvent(new AppointmentsChanged(doctor.id(), request.date(), patient.id()));
        return booked;
    }

    private void changeStatus(Appointment appointment, AppointmentStatus next, @Nullable String note) {
        AppointmentStatus previous = appointment.moveTo(next, LocalDateTime.now(clock));
        if (previous.holdsSlot() && !next.holdsSlot()) {
            store.releasePlace(appointment.doctorId(), appointment.date());
        }
        if (!previous.holdsSlot() && next.holdsSlot()) {
            // Back in the day (an undone no-show): it takes its slot and a place again, if both are still free.
            if (!store.takePlace(appointment.doctorId(), appointment.date())) {
                throw new RuleViolation(null, "The doctor's day has filled up meanwhile; the appointment stays "
                        + previous.label().toLowerCase());
            }
        }
        try {
            appointments.saveAndFlush(appointment);
        } catch (DataIntegrityViolationException taken) { // only when it takes its slot back
            throw new RuleViolation(null, "Its slot was booked for someone else meanwhile; the appointment stays "
                    + previous.label().toLowerCase());
        }
        store.recordEvent(appointment.id(), clock.instant(), currentStaff.usernameForAudit(), previous, next, note);
        AppointmentSummary summary = reads.summarize(List.of(appointment)).getFirst();
        events.publishEvent(new AppointmentsChanged(summary.doctorId(), appointment.date(), summary.patientId()));
    }

    private Appointment find(UUID appointmentId) {
        return appointments.findByPublicId(appointmentId)
                .orElseThrow(() -> new NotFoundException("No appointment with this id"));
    }

    private PatientReference patientOf(Appointment appointment) {
        return patients.references(List.of(appointment.patientId())).get(appointment.patientId());
    }

    private static <T> T retryingDeadlocks(Supplier<T> work) {
        return Retries.retrying(work, e -> e instanceof DataIntegrityViolationException
                && (String.valueOf(e.getMessage()).contains("uk_appointment_request_id")
                || String.valueOf(e.getMessage()).contains("uk_appointment_booking_code")));
    }

    /** The same request was booked by a concurrent submission. */
    private static final class AlreadyBooked extends RuntimeException {
        private final long appointmentId;

        AlreadyBooked(long appointmentId) {
            super(null, null, false, false);
            this.appointmentId = appointmentId;
        }
    }
}
