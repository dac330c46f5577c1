package org.clinic.queue;

import org.clinic.appointment.AppointmentQueries;
import org.clinic.base.NotFoundException;
import org.clinic.doctor.DoctorService;
import org.clinic.doctor.DoctorSummary;
import org.clinic.doctor.SpecialtySummary;
import org.clinic.patient.PatientReference;
import org.clinic.patient.PatientService;
import org.clinic.queue.QueueSnapshots.Day;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * The queue as its screens show it: the boards of today's lines for staff, what waiting-room displays show, one
 * entry, a ticket, the event log. Boards and displays are projections of the shared day ({@link QueueSnapshots}),
 * worked out once per change and kind of screen; who may see them is checked here on every call, so a screen that
 * refreshes runs no query and sees no more than its viewer may.
 */
@Service
public class QueueBoards {

    private static final Duration WALK_IN_ESTIMATE = Duration.ofMinutes(15);
    private static final int RECENT_CALLS = 6;

    private final QueueSnapshots snapshots;
    private final QueueStore store;
    private final QueueAccess access;
    private final AppointmentQueries appointments;
    private final DoctorService doctors;
    private final PatientService patients;
    private final CurrentQueueSettings settings;
    private final Clock clock;
    private final TransactionTemplate reading;

    QueueBoards(QueueSnapshots snapshots, QueueStore store, QueueAccess access, AppointmentQueries appointments,
                DoctorService doctors, PatientService patients, CurrentQueueSettings settings, Clock clock,
                PlatformTransactionManager transactions) {
        this.snapshots = snapshots;
        this.store = store;
        this.access = access;
        this.appointments = appointments;
        this.doctors = doctors;
        this.patients = patients;
        this.settings = settings;
        this.clock = clock;
        this.reading = new TransactionTemplate(transactions);
        this.reading.setReadOnly(true);
        this.reading.setIsolationLevel(TransactionDefinition.ISOLATION_READ_COMMITTED);
    }

    /**
     * The queues of today: every doctor who works today or has patients queued, and the specialties' walk-in queues
     * that have anyone in them.
     */
    @PreAuthorize(QueueService.STAFF)
    public List<LineBoard> boards() {
        Day day = snapshots.today();
        return day.projection("boards", key -> {
            Set<Long> busy = day.entries().stream().map(QueueEntry::doctorId).filter(Objects::nonNull)
                    .collect(Collectors.toSet());
            List<LineBoard> boards = new ArrayList<>();
            for (DoctorSummary doctor : day.doctors()) {
                // the doctors working today, and anyone who has patients in their queue anyway
                if (busy.contains(doctor.internalId()) || doctors.daySchedule(doctor.id(), day.date()).isOpen()) {
                    boards.add(board(doctor, day));
                }
            }
            Map<String, List<QueueEntry>> walkIns = day.entries().stream()
                    .filter(e -> e.line().startsWith("specialty:"))
                    .collect(Collectors.groupingBy(QueueEntry::line, LinkedHashMap::new, Collectors.toList()));
            walkIns.forEach((line, entries) -> {
                SpecialtySummary specialty = day.specialties().get(entries.getFirst().specialtyId());
                List<QueueEntryView> views = views(callOrder(entries, line, 0), WALK_IN_ESTIMATE, false, day);
                boards.add(new LineBoard(line, null, specialty.name() + " walk-ins", "", List.of(), views, 0, 0,
                        Duration.ZERO));
            });
            return List.copyOf(boards);
        });
    }

    /** One doctor's queue: their patients and the walk-ins of their specialty they would call. */
    @PreAuthorize(QueueService.STAFF)
    public LineBoard board(UUID doctorId) {
        Day day = snapshots.today();
        // the day's own doctors first: every screen of a doctor's queue asks on every change, and this asks nothing
        // of the database (a doctor deactivated today is still looked up)
        DoctorSummary doctor = day.doctors().stream().filter(d -> d.id().equals(doctorId)).findFirst()
                .orElseGet(() -> doctors.doctor(doctorId));
        access.requireMayWork(doctor);
        return day.projection(new BoardKey(doctor.internalId()), key -> board(doctor, day));
    }

    /** What a waiting-room display shows: tokens and rooms (and initials if asked for), nothing else. */
    @PreAuthorize(QueueService.DISPLAYS)
    public DisplayBoard display(DisplayScope scope, boolean initials) {
        Day day = snapshots.today();
        return day.projection(new DisplayKey(scope, initials), key -> DisplayBoards.of(day, scope, initials,
                RECENT_CALLS, settings.current().prioritiesPerRegular()));
    }

    /** The doctor the signed-in user is, if they are one. */
    @PreAuthorize(QueueService.STAFF)
    public Optional<DoctorSummary> signedInDoctor() {
        return access.signedInDoctor();
    }

    /** Today's queue entry of an appointment, if it was checked in. */
    @PreAuthorize(QueueService.STAFF)
    public Optional<QueueEntryView> ofAppointment(UUID appointmentId) {
        return read(() -> store.byAppointment(appointments.internalId(appointmentId)).map(this::view));
    }

    /** A queue entry's internal ids and state, for a module that keeps its own records of the visit. */
    @PreAuthorize(QueueService.STAFF)
    public QueueVisit visit(UUID entryId) {
        return read(() -> {
            QueueEntry entry = entry(entryId);
            PatientReference patient = patientOf(entry);
            DoctorSummary doctor = doctorOf(entry);
            return new QueueVisit(entry.publicId(), entry.id(), entry.appointmentId(), patient.id(),
                    doctor == null ? null : doctor.id(), entry.date(), entry.token(), entry.status());
        });
    }

    /** One entry, read fresh, with its position and estimate. */
    @PreAuthorize(QueueService.STAFF)
    public QueueEntryView get(UUID entryId) {
        return read(() -> view(entry(entryId)));
    }

    /** The ticket of a queue entry, to print again. */
    @PreAuthorize(QueueService.FRONT_DESK)
    public Ticket ticket(UUID entryId) {
        return read(() -> {
            QueueEntry entry = entry(entryId);
            SpecialtySummary specialty = doctors.specialties().stream()
                    .filter(s -> s.internalId() == entry.specialtyId()).findFirst().orElseThrow();
            return ticket(entry, doctorOf(entry), specialty, patientOf(entry));
        });
    }

    /** The queue's event log of one entry: who did what and when. */
    @PreAuthorize(QueueService.STAFF)
    public List<String> history(UUID entryId) {
        return read(() -> store.events(entry(entryId).id()).stream()
                .map(e -> e.at() + " " + e.actor() + ": " + e.action().label()
                        + (e.note() == null ? "" : " (" + e.note() + ")") + (e.undone() ? " [undone]" : ""))
                .toList());
    }

    // ------------------------------------------------------------------ for the commands (same transaction)

    /** One entry, read fresh (for the result of an operation), with its position and estimate. */
    QueueEntryView view(QueueEntry entry) {
        Day day = snapshots.read(entry.date());
        QueueEntry fresh = day.entries().stream().filter(e -> e.id() == entry.id()).findFirst().orElse(entry);
        if (fresh.status() != QueueStatus.WAITING) {
            return view(fresh, 0, Duration.ZERO, day);
        }
        List<QueueEntry> order = callOrder(day.entries().stream().filter(e -> e.line().equals(fresh.line())).toList(),
                fresh.line(), day.streaks().getOrDefault(fresh.line(), 0));
        int index = order.stream().map(QueueEntry::id).toList().indexOf(fresh.id());
        DoctorSummary doctor = fresh.doctorId() == null ? null : day.doctorsById().get(fresh.doctorId());
        Duration average = doctor == null ? WALK_IN_ESTIMATE
                : day.averages().getOrDefault(fresh.doctorId(), doctor.slotLength());
        return view(fresh, index + 1, average.multipliedBy(Math.max(0, index)), day);
    }

    Ticket ticket(QueueEntry entry, @Nullable DoctorSummary doctor, SpecialtySummary specialty,
                  PatientReference patient) {
        QueueEntryView view = view(entry);
        return new Ticket(entry.publicId(), entry.token(), patient.fullName(),
                doctor == null ? "Next available doctor" : doctor.displayName(), specialty.name(),
                doctor == null ? "" : doctor.room(), view.position(), view.estimatedWait(), entry.arrivedAt());
    }

    // --------------------------------------------------------------------------------------------- internals

    private record BoardKey(long doctor) {
    }

    private record DisplayKey(DisplayScope scope, boolean initials) {
    }

    /** The order in which waiting patients will be called: {@link CallOrder}. */
    private List<QueueEntry> callOrder(List<QueueEntry> entries, String ownLine, int streak) {
        return CallOrder.of(entries, ownLine, streak, settings.current().prioritiesPerRegular());
    }

    private LineBoard board(DoctorSummary doctor, Day day) {
        String own = QueueEntry.doctorLine(doctor.internalId());
        String walkIns = QueueEntry.specialtyLine(doctor.specialty().internalId());
        List<QueueEntry> mine = day.entries().stream().filter(e -> e.line().equals(own)).toList();
        List<QueueEntry> candidates = day.entries().stream()
                .filter(e -> e.line().equals(own) || e.line().equals(walkIns)).toList();
        int streak = day.streaks().getOrDefault(own, 0);
        Duration average = day.averages().getOrDefault(doctor.internalId(), doctor.slotLength());
        boolean busy = mine.stream().anyMatch(e -> e.status() == QueueStatus.IN_CONSULTATION
                || e.status() == QueueStatus.CALLED);
        List<QueueEntryView> waiting = views(callOrder(candidates, own, streak), average, busy, day);
        List<QueueEntryView> current = mine.stream()
                .filter(e -> e.status() == QueueStatus.CALLED || e.status() == QueueStatus.IN_CONSULTATION)
                .map(e -> view(e, 0, Duration.ZERO, day)).toList();
        int done = (int) mine.stream().filter(e -> e.status() == QueueStatus.DONE).count();
        int noShows = (int) mine.stream().filter(e -> e.status() == QueueStatus.NO_SHOW).count();
        return new LineBoard(own, doctor, doctor.displayName(), doctor.room(), current, waiting, done, noShows, average);
    }

    private List<QueueEntryView> views(List<QueueEntry> order, Duration average, boolean busy, Day day) {
        List<QueueEntryView> views = new ArrayList<>();
        for (int i = 0; i < order.size(); i++) {
            views.add(view(order.get(i), i + 1, average.multipliedBy(i + (busy ? 1 : 0)), day));
        }
        return List.copyOf(views);
    }

    private QueueEntryView view(QueueEntry entry, int position, Duration estimate, Day day) {
        PatientReference patient = snapshots.people(day).get(entry.patientId());
        DoctorSummary doctor = entry.doctorId() == null ? null : day.doctorsById().get(entry.doctorId());
        Instant now = clock.instant();
        Instant until = entry.calledAt() != null ? entry.calledAt() : now;
        Duration waited = Duration.between(entry.arrivedAt(), entry.status() == QueueStatus.WAITING ? now : until);
        if (waited.isNegative()) {
            waited = Duration.ZERO;
        }
        return new QueueEntryView(entry.publicId(), entry.token(), patient.id(), patient.fullName(), patient.mrn(),
                entry.lane(), entry.priorityReason(), entry.visitReason(), entry.status(), entry.arrivedAt(), waited,
                position, estimate, entry.skips(), entry.appointmentId() == null,
                doctor == null ? null : doctor.id(), doctor == null ? null : doctor.displayName(),
                doctor == null ? "" : doctor.room(), entry.calledAt(),
                entry.status() == QueueStatus.WAITING && waited.compareTo(settings.current().longWait()) > 0);
    }

    private PatientReference patientOf(QueueEntry entry) {
        return patients.references(List.of(entry.patientId())).get(entry.patientId());
    }

    private @Nullable DoctorSummary doctorOf(QueueEntry entry) {
        return entry.doctorId() == null ? null
                : doctors.doctorsByInternalId(List.of(entry.doctorId())).get(entry.doctorId());
    }

    private QueueEntry entry(UUID entryId) {
        return store.byPublicId(entryId).orElseThrow(() -> new NotFoundException("No queue entry with this id"));
    }

    private <T> T read(Supplier<T> work) {
        return reading.execute(status -> work.get());
    }
}
