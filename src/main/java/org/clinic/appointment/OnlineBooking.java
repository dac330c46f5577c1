package org.clinic.appointment;

import org.clinic.base.ClinicSettings;
import org.clinic.base.NotFoundException;
import org.clinic.base.RuleViolation;
import org.clinic.doctor.DaySchedule;
import org.clinic.doctor.DoctorService;
import org.clinic.doctor.DoctorSummary;
import org.clinic.doctor.Slot;
import org.clinic.doctor.SpecialtySummary;
import org.clinic.security.AccessKind;
import org.clinic.security.PatientAccessLog;
import org.clinic.security.PatientPrincipal;
import org.clinic.security.CurrentPatient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Booking by patients themselves, in the portal: the front desk's booking ({@link AppointmentService}) with its
 * guarantees (one appointment per slot, the day's capacity, idempotent requests), for the signed-in patient only and
 * within {@link OnlineBookingSettings}. No method takes a patient id: the patient is whoever is signed in, and an
 * appointment id of somebody else is "not found" (and logged), exactly like one that does not exist.
 */
@Service
public class OnlineBooking {

    private static final Logger log = LoggerFactory.getLogger(OnlineBooking.class);
    static final String CANCELLED_ONLINE = "Cancelled by the patient online";

    private final AppointmentService appointments;
    private final AppointmentRepository repository;
    private final AppointmentReads reads;
    private final OnlineRules rules;
    private final DoctorService doctors;
    private final CurrentPatient signedIn;
    private final PatientAccessLog accessLog;
    private final Clock clock;

    OnlineBooking(AppointmentService appointments, AppointmentRepository repository, AppointmentReads reads,
                  OnlineRules rules,
                  DoctorService doctors, CurrentPatient signedIn, PatientAccessLog accessLog, Clock clock,
                  ClinicSettings clinic) {
        this.appointments = appointments;
        this.repository = repository;
        this.reads = reads;
        this.rules = rules;
        this.doctors = doctors;
        this.signedIn = signedIn;
        this.accessLog = accessLog;
        this.clock = clinic.following(clock);
    }

    /** A bookable time, for "first available". */
    public record OpenSlot(DoctorSummary doctor, LocalDate date, Slot slot) {
    }

    @PreAuthorize(CurrentPatient.SIGNED_IN)
    public OnlineBookingSettings limits() {
        return rules.settings();
    }

    /** Specialties with at least one doctor working, by name. */
    @PreAuthorize(CurrentPatient.SIGNED_IN)
    public List<SpecialtySummary> specialties() {
        Set<UUID> staffed = doctors.doctors().stream().map(d -> d.specialty().id()).collect(Collectors.toSet());
        return doctors.specialties().stream().filter(s -> staffed.contains(s.id()))
                .sorted(Comparator.comparing(SpecialtySummary::name)).toList();
    }

    @PreAuthorize(CurrentPatient.SIGNED_IN)
    public List<DoctorSummary> doctors(UUID specialtyId) {
        return doctors.doctors().stream().filter(d -> d.specialty().id().equals(specialtyId)).toList();
    }

    /** The doctor's slots on a date that a patient can still book online. */
    @PreAuthorize(CurrentPatient.SIGNED_IN)
    @Transactional(readOnly = true)
    public List<Slot> freeSlots(UUID doctorId, LocalDate date) {
        if (!bookableDate(date)) {
            return List.of();
        }
        LocalDateTime opensFrom = LocalDateTime.now(clock).plus(rules.settings().closesBefore());
        return reads.freeSlots(doctors.daySchedule(doctorId, date)).stream()
                .filter(s -> !LocalDateTime.of(date, s.start()).isBefore(opensFrom)).toList();
    }

    /** The soonest bookable times in a specialty, across its doctors, at most {@code count}. */
    @PreAuthorize(CurrentPatient.SIGNED_IN)
    @Transactional(readOnly = true)
    public List<OpenSlot> firstAvailable(UUID specialtyId, int count) {
        List<DoctorSummary> team = doctors(specialtyId);
        List<OpenSlot> found = new ArrayList<>();
        LocalDate day = LocalDate.now(clock);
        LocalDateTime opensFrom = LocalDateTime.now(clock).plus(rules.settings().closesBefore());
        for (int i = 0; i <= rules.settings().horizonDays() && found.size() < count; i++, day = day.plusDays(1)) {
            List<OpenSlot> thatDay = new ArrayList<>();
            for (DoctorSummary doctor : team) {
                DaySchedule schedule = doctors.daySchedule(doctor.id(), day);
                if (!schedule.isOpen()) {
                    continue;
                }
                LocalDate date = day;
                reads.freeSlots(schedule).stream()
                        .filter(s -> !LocalDateTime.of(date, s.start()).isBefore(opensFrom))
                        .forEach(s -> thatDay.add(new OpenSlot(doctor, date, s)));
            }
            thatDay.sort(Comparator.comparing((OpenSlot o) -> o.slot().start())
                    .thenComparing(o -> o.doctor().displayName()));
            thatDay.stream().limit(count - found.size()).forEach(found::add);
        }
        return found;
    }

    /** Books for the signed-in patient; the same {@code requestId} twice books once. */
    @PreAuthorize(CurrentPatient.SIGNED_IN)
    public AppointmentSummary book(UUID requestId, UUID doctorId, LocalDate date, LocalTime start) {
        PatientPrincipal me = signedIn.require();
        return appointments.book(new BookAppointment(requestId, me.patientId(), doctorId, date, start,
                AppointmentKind.NEW, null), rules);
    }

    /** The signed-in patient's appointments from today on, soonest first, cancelled ones left out. */
    @PreAuthorize(CurrentPatient.SIGNED_IN)
    @Transactional
    public List<AppointmentSummary> upcoming() {
        PatientPrincipal me = signedIn.require();
        List<Appointment> mine = repository.findByPatientIdAndDateGreaterThanEqualOrderByDateAscStartAsc(
                me.patientInternalId(), LocalDate.now(clock)).stream()
                .filter(a -> a.status() != AppointmentStatus.CANCELLED).toList();
        accessLog.record(me.patientId(), me.patientInternalId(), AccessKind.PORTAL);
        return reads.summarize(mine);
    }

    /** Whether the patient may still cancel or move this appointment online (the service checks again). */
    @PreAuthorize(CurrentPatient.SIGNED_IN)
    public boolean canChange(AppointmentSummary appointment) {
        return appointment.status() == AppointmentStatus.SCHEDULED
                && rules.changesOpen(LocalDateTime.of(appointment.date(), appointment.start()));
    }

    @PreAuthorize(CurrentPatient.SIGNED_IN)
    public AppointmentSummary cancel(UUID appointmentId) {
        mine(appointmentId);
        return appointments.cancel(appointmentId, CANCELLED_ONLINE, rules);
    }

    /** Moves the patient's appointment to another slot (any doctor of any specialty), as one step. */
    @PreAuthorize(CurrentPatient.SIGNED_IN)
    public AppointmentSummary move(UUID appointmentId, UUID requestId, UUID doctorId, LocalDate date,
                                   LocalTime start) {
        mine(appointmentId);
        return appointments.reschedule(appointmentId, requestId, doctorId, date, start, rules);
    }

    private boolean bookableDate(LocalDate date) {
        LocalDate today = LocalDate.now(clock);
        return !date.isBefore(today) && !date.isAfter(today.plusDays(rules.settings().horizonDays()));
    }

    private void mine(UUID appointmentId) {
        PatientPrincipal me = signedIn.require();
        Appointment appointment = repository.findByPublicId(appointmentId)
                .orElseThrow(() -> new NotFoundException("No appointment with this id"));
        if (appointment.patientId() != me.patientInternalId()) {
            log.warn("Refused portal account {} the appointment {} of another patient", me.auditName(), appointmentId);
            throw new NotFoundException("No appointment with this id");
        }
        if (appointment.status() != AppointmentStatus.SCHEDULED) {
            throw new RuleViolation(null, "This appointment is " + appointment.status().label().toLowerCase()
                    + " and can no longer be changed online");
        }
    }
}
