package org.clinic.doctor;

import org.clinic.base.NotFoundException;
import org.clinic.base.RuleViolation;
import org.clinic.base.Texts;
import org.clinic.security.CurrentStaff;
import org.clinic.security.Role;
import org.clinic.security.CurrentPatient;
import org.clinic.security.StaffAccountService;
import org.clinic.security.StaffAccountSummary;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Specialties, doctors and their working time. Administrators change them; everyone on the staff may read them,
 * because booking, queues and the doctor's own screens all need them; a doctor reads their own hours.
 *
 * <p>Every change to one doctor's working time first locks that doctor's row, so the overlap checks below cannot
 * be raced by a second administrator; the database backs the rest (one leave a date, one holiday a date).
 *
 * <p>Over the size rule (about 600 lines), knowingly for now: its seams are specialties, doctor records, working
 * time (weekly sessions, leave, extra sessions, holidays) and the reads other modules make, and the writes of all
 * three drop the in-memory doctor and day caches the reads use. Those caches hold for one application node only;
 * the scale-out issue (several nodes, Redis) has to replace them, and the class is split along these seams then,
 * with the caches' new home, rather than twice.
 */
@Service
public class DoctorService {

    static final String ADMIN = "hasRole('" + Role.ADMIN_NAME + "')";
    static final String DOCTOR = "hasRole('" + Role.DOCTOR_NAME + "')";
    static final String STAFF = "hasAnyRole('" + Role.ADMIN_NAME + "','" + Role.RECEPTIONIST_NAME + "','"
            + Role.DOCTOR_NAME + "')";

    /** Who works when, where and in which specialty is also what patients choose from when they book online. */
    static final String STAFF_AND_PATIENTS = "hasAnyRole('" + Role.ADMIN_NAME + "','" + Role.RECEPTIONIST_NAME + "','"
            + Role.DOCTOR_NAME + "','" + CurrentPatient.ROLE_NAME + "')";
    /** Doctors' names, specialties and rooms are also what waiting-room displays show beside the tokens. */
    static final String EVERYONE_SIGNED_IN = "hasAnyRole('" + Role.ADMIN_NAME + "','" + Role.RECEPTIONIST_NAME + "','"
            + Role.DOCTOR_NAME + "','" + Role.DISPLAY_NAME + "','" + CurrentPatient.ROLE_NAME + "')";

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("EEE d MMM yyyy", Locale.ENGLISH);

    private final SpecialtyRepository specialties;
    private final DoctorRepository doctors;
    private final ScheduleStore schedules;
    private final StaffAccountService accounts;
    private final CurrentStaff currentStaff;
    private final Clock clock;
    /**
     * Working time is read on every booking and changes rarely: days are kept in memory and all of them are
     * dropped after any change made through this service (one application node; see the README).
     */
    private final Map<String, DaySchedule> dayCache = new ConcurrentHashMap<>();
    private final Map<UUID, DoctorSummary> doctorCache = new ConcurrentHashMap<>();
    private static final int DAY_CACHE_LIMIT = 20_000;

    DoctorService(SpecialtyRepository specialties, DoctorRepository doctors, ScheduleStore schedules,
                  StaffAccountService accounts, CurrentStaff currentStaff, Clock clock) {
        this.specialties = specialties;
        this.doctors = doctors;
        this.schedules = schedules;
        this.accounts = accounts;
        this.currentStaff = currentStaff;
        this.clock = clock;
    }

    private void scheduleChanged() {
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
                dayCache.clear();
                doctorCache.clear();
            }
        });
        dayCache.clear();
        doctorCache.clear();
    }

    // ---------------------------------------------------------------- specialties

    @PreAuthorize(ADMIN)
    @Transactional
    public SpecialtySummary addSpecialty(String name) {
        scheduleChanged();
        String cleaned = specialtyName(name);
        if (specialties.existsByName(cleaned)) {
            throw new RuleViolation("name", cleaned + " already exists");
        }
        return specialties.saveAndFlush(new Specialty(cleaned)).toSummary();
    }

    @PreAuthorize(ADMIN)
    @Transactional
    public SpecialtySummary renameSpecialty(UUID specialtyId, String name) {
        scheduleChanged();
        Specialty specialty = specialties.findByPublicId(specialtyId)
                .orElseThrow(() -> new NotFoundException("No specialty with this id"));
        String cleaned = specialtyName(name);
        if (specialties.existsByNameAndIdNot(cleaned, specialty.id())) {
            throw new RuleViolation("name", cleaned + " already exists");
        }
        specialty.rename(cleaned);
        return specialties.saveAndFlush(specialty).toSummary();
    }

    /** Removes a specialty no doctor practises (a mistyped one, say); one in use stays. */
    @PreAuthorize(ADMIN)
    @Transactional
    public void removeSpecialty(UUID specialtyId) {
        scheduleChanged();
        Specialty specialty = specialties.findByPublicId(specialtyId)
                .orElseThrow(() -> new RuleViolation(null, "This specialty was already removed"));
        if (doctors.existsBySpecialtyId(specialty.id())) {
            throw new RuleViolation(null, specialty.toSummary().name()
                    + " still has doctors; give them another specialty first");
        }
        specialties.delete(specialty);
        specialties.flush();
    }

    @PreAuthorize(EVERYONE_SIGNED_IN)
    @Transactional(readOnly = true)
    public List<SpecialtySummary> specialties() {
        return specialties.findAllByOrderByNameAsc().stream().map(Specialty::toSummary).toList();
    }

    /** Every specialty with how many doctors practise it, by name. */
    @PreAuthorize(ADMIN)
    @Transactional(readOnly = true)
    public List<SpecialtyUsage> specialtyUsage() {
        Map<Long, Long> counts = new HashMap<>();
        for (Object[] row : doctors.countBySpecialty()) {
            counts.put((Long) row[0], ((Number) row[1]).longValue());
        }
        return specialties.findAllByOrderByNameAsc().stream()
                .map(s -> new SpecialtyUsage(s.toSummary(), counts.getOrDefault(s.id(), 0L))).toList();
    }

    private static String specialtyName(@Nullable String name) {
        DoctorRules.specialtyNameProblem(name).ifPresent(problem -> {
            throw new RuleViolation("name", problem);
        });
        return java.util.Objects.requireNonNull(Texts.clean(name));
    }

    // ---------------------------------------------------------------- doctors

    @PreAuthorize(ADMIN)
    @Transactional
    public DoctorSummary addDoctor(NewDoctor details) {
        scheduleChanged();
        List<RuleViolation.Problem> problems = detailProblems(null, details.displayName(), details.email(),
                details.registrationNumber(), details.room(), details.slotMinutes(), details.dailyCapacity());
        String username = details.staffUsername() == null ? "" : details.staffUsername().strip();
        Optional<StaffAccountSummary> account = accounts.list().stream()
                .filter(a -> a.username().equals(username)).findFirst();
        if (account.isEmpty()) {
            problems.add(new RuleViolation.Problem("staffUsername", "Choose the doctor's staff account"));
        } else if (account.get().role() != Role.DOCTOR) {
            problems.add(new RuleViolation.Problem("staffUsername", "Only a Doctor account can be linked to a doctor"));
        } else if (doctors.existsByStaffUsername(username)) {
            problems.add(new RuleViolation.Problem("staffUsername", "This account already belongs to a doctor"));
        }
        Optional<Specialty> specialty = details.specialtyId() == null ? Optional.empty()
                : specialties.findByPublicId(details.specialtyId());
        if (specialty.isEmpty()) {
            problems.add(new RuleViolation.Problem("specialtyId", "Choose a specialty"));
        }
        if (!problems.isEmpty()) {
            throw new RuleViolation(problems);
        }
        NewDoctor cleaned = new NewDoctor(username, clean(details.displayName()), details.specialtyId(),
                DoctorRules.normalisedEmail(details.email()), clean(details.registrationNumber()), clean(details.room()),
                details.slotMinutes(), details.dailyCapacity());
        Doctor doctor = doctors.saveAndFlush(new Doctor(cleaned, specialty.get().id()));
        return doctor.toSummary(specialty.get().toSummary());
    }

    /**
     * Changes a doctor's details. {@code expectedVersion} is the version the editor started from: if someone else
     * saved in between, the change is refused rather than overwriting theirs. A new slot length or capacity applies
     * to bookings made from now on; appointments already booked keep their times.
     */
    @PreAuthorize(ADMIN)
    @Transactional
    public DoctorRecord updateDoctor(UUID doctorId, long expectedVersion, DoctorChanges changes) {
        scheduleChanged();
        Doctor doctor = lock(doctorId);
        if (doctor.version() != expectedVersion) {
            throw new RuleViolation(null, "Someone else changed this doctor while you were editing. "
                    + "Their changes are shown now; make yours again.");
        }
        List<RuleViolation.Problem> problems = detailProblems(doctor.id(), changes.displayName(), changes.email(),
                changes.registrationNumber(), changes.room(), changes.slotMinutes(), changes.dailyCapacity());
        Optional<Specialty> specialty = changes.specialtyId() == null ? Optional.empty()
                : specialties.findByPublicId(changes.specialtyId());
        if (specialty.isEmpty()) {
            problems.add(new RuleViolation.Problem("specialtyId", "Choose a specialty"));
        }
        if (!problems.isEmpty()) {
            throw new RuleViolation(problems);
        }
        doctor.change(clean(changes.displayName()), specialty.get().id(), DoctorRules.normalisedEmail(changes.email()),
                clean(changes.registrationNumber()), clean(changes.room()), changes.slotMinutes(),
                changes.dailyCapacity());
        return doctors.saveAndFlush(doctor).toRecord(specialty.get().toSummary());
    }

    /** The doctor stops being bookable; their record, hours and appointments stay. */
    @PreAuthorize(ADMIN)
    @Transactional
    public DoctorRecord deactivateDoctor(UUID doctorId) {
        return setActive(doctorId, false);
    }

    @PreAuthorize(ADMIN)
    @Transactional
    public DoctorRecord reactivateDoctor(UUID doctorId) {
        return setActive(doctorId, true);
    }

    private DoctorRecord setActive(UUID doctorId, boolean active) {
        scheduleChanged();
        Doctor doctor = lock(doctorId);
        doctor.setActive(active);
        return doctors.saveAndFlush(doctor).toRecord(specialtiesById().get(doctor.specialtyId()));
    }

    /** Every doctor, active or not, by name: the administrators' list. */
    @PreAuthorize(ADMIN)
    @Transactional(readOnly = true)
    public List<DoctorRecord> allDoctors() {
        Map<Long, SpecialtySummary> bySpecialty = specialtiesById();
        return doctors.findAllByOrderByDisplayNameAsc().stream()
                .map(d -> d.toRecord(bySpecialty.get(d.specialtyId()))).toList();
    }

    @PreAuthorize(ADMIN)
    @Transactional(readOnly = true)
    public DoctorRecord doctorRecord(UUID doctorId) {
        Doctor doctor = find(doctorId);
        return doctor.toRecord(specialtiesById().get(doctor.specialtyId()));
    }

    /** Enabled Doctor staff accounts that no doctor is linked to yet: who can be added as a doctor. */
    @PreAuthorize(ADMIN)
    @Transactional(readOnly = true)
    public List<StaffAccountSummary> unlinkedDoctorAccounts() {
        Set<String> linked = new HashSet<>(doctors.linkedStaffUsernames());
        return accounts.list().stream()
                .filter(a -> a.role() == Role.DOCTOR && a.enabled() && !linked.contains(a.username()))
                .sorted(Comparator.comparing(StaffAccountSummary::displayName)).toList();
    }

    private List<RuleViolation.Problem> detailProblems(@Nullable Long existingId, @Nullable String displayName,
                                                       @Nullable String email, @Nullable String registrationNumber,
                                                       @Nullable String room, int slotMinutes, int dailyCapacity) {
        List<RuleViolation.Problem> problems = new ArrayList<>();
        DoctorRules.nameProblem(displayName).ifPresent(p -> problems.add(new RuleViolation.Problem("displayName", p)));
        DoctorRules.slotMinutesProblem(slotMinutes)
                .ifPresent(p -> problems.add(new RuleViolation.Problem("slotMinutes", p)));
        DoctorRules.dailyCapacityProblem(dailyCapacity)
                .ifPresent(p -> problems.add(new RuleViolation.Problem("dailyCapacity", p)));
        DoctorRules.roomProblem(room).ifPresent(p -> problems.add(new RuleViolation.Problem("room", p)));
        Optional<String> emailProblem = DoctorRules.emailProblem(email);
        String normalisedEmail = DoctorRules.normalisedEmail(email);
        if (emailProblem.isPresent()) {
            problems.add(new RuleViolation.Problem("email", emailProblem.get()));
        } else if (existingId == null ? doctors.existsByEmail(normalisedEmail)
                : doctors.existsByEmailAndIdNot(normalisedEmail, existingId)) {
            problems.add(new RuleViolation.Problem("email", "Another doctor has this email"));
        }
        Optional<String> registrationProblem = DoctorRules.registrationNumberProblem(registrationNumber);
        if (registrationProblem.isPresent()) {
            problems.add(new RuleViolation.Problem("registrationNumber", registrationProblem.get()));
        } else {
            String cleaned = clean(registrationNumber);
            if (existingId == null ? doctors.existsByRegistrationNumber(cleaned)
                    : doctors.existsByRegistrationNumberAndIdNot(cleaned, existingId)) {
                problems.add(new RuleViolation.Problem("registrationNumber",
                        "Another doctor has this registration number"));
            }
        }
        return problems;
    }

    // ---------------------------------------------------------------- working time

    /**
     * Replaces a doctor's weekly sessions. Sessions of one weekday may not overlap each other, nor an upcoming
     * extra session on a date of that weekday.
     */
    @PreAuthorize(ADMIN)
    @Transactional
    public void setWeeklySessions(UUID doctorId, List<WorkingSession> sessions) {
        scheduleChanged();
        Doctor doctor = lock(doctorId);
        Map<DayOfWeek, List<WorkingSession>> byDay = sessions.stream()
                .collect(Collectors.groupingBy(WorkingSession::day));
        for (List<WorkingSession> day : byDay.values()) {
            List<WorkingSession> sorted = day.stream().sorted(Comparator.comparing(WorkingSession::start)).toList();
            for (int i = 1; i < sorted.size(); i++) {
                if (sorted.get(i).start().isBefore(sorted.get(i - 1).end())) {
                    throw new RuleViolation("sessions", "Sessions on " + dayName(sorted.get(i).day()) + " overlap ("
                            + times(sorted.get(i - 1).start(), sorted.get(i - 1).end()) + " and "
                            + times(sorted.get(i).start(), sorted.get(i).end()) + ")");
                }
            }
        }
        for (DateException extra : schedules.exceptionsFrom(doctor.id(), today())) {
            if (extra.kind() != DateException.Kind.EXTRA || extra.start() == null || extra.end() == null) {
                continue;
            }
            for (WorkingSession session : byDay.getOrDefault(extra.date().getDayOfWeek(), List.of())) {
                if (overlap(session.start(), session.end(), extra.start(), extra.end())) {
                    throw new RuleViolation("sessions", "The hours on " + dayName(session.day())
                            + " would overlap the extra session on " + DATE.format(extra.date()) + ", "
                            + times(extra.start(), extra.end()) + "; remove that extra session first");
                }
            }
        }
        schedules.replaceWeek(doctor.id(), sessions);
    }

    /** A day off for the doctor; today or later, once per date, not on a date with an extra session. */
    @PreAuthorize(ADMIN)
    @Transactional
    public void addLeave(UUID doctorId, @Nullable LocalDate date, @Nullable String note) {
        scheduleChanged();
        Doctor doctor = lock(doctorId);
        LocalDate day = requireComingDate(date);
        String cleanedNote = note(note);
        List<DateException> that = schedules.exceptionsFrom(doctor.id(), day).stream()
                .filter(e -> e.date().equals(day)).toList();
        if (that.stream().anyMatch(e -> e.kind() == DateException.Kind.LEAVE)) {
            throw new RuleViolation("date", doctor.displayName() + " is already on leave on " + DATE.format(day));
        }
        if (!that.isEmpty()) {
            throw new RuleViolation("date", "There is an extra session on " + DATE.format(day)
                    + "; remove it before adding leave");
        }
        try {
            schedules.addLeave(doctor.id(), day, cleanedNote);
        } catch (DuplicateKeyException raced) {
            throw new RuleViolation("date", doctor.displayName() + " is already on leave on " + DATE.format(day));
        }
    }

    /**
     * A session on one date beyond the week: today or later, within the day, not on leave or a clinic holiday,
     * overlapping neither the weekly sessions of that weekday nor another extra session of that date.
     */
    @PreAuthorize(ADMIN)
    @Transactional
    public void addExtraSession(UUID doctorId, @Nullable LocalDate date, @Nullable LocalTime start,
                                @Nullable LocalTime end, @Nullable String note) {
        scheduleChanged();
        Doctor doctor = lock(doctorId);
        LocalDate day = requireComingDate(date);
        if (start == null) {
            throw new RuleViolation("start", "Enter when the session starts");
        }
        if (end == null) {
            throw new RuleViolation("end", "Enter when the session ends");
        }
        if (!start.isBefore(end)) {
            throw new RuleViolation("end", "A session must end after it starts (on the same day)");
        }
        String cleanedNote = note(note);
        Optional<String> holiday = schedules.holiday(day);
        if (holiday.isPresent()) {
            throw new RuleViolation("date", "The clinic is closed on " + DATE.format(day) + " (" + holiday.get() + ")");
        }
        List<DateException> that = schedules.exceptionsFrom(doctor.id(), day).stream()
                .filter(e -> e.date().equals(day)).toList();
        if (that.stream().anyMatch(e -> e.kind() == DateException.Kind.LEAVE)) {
            throw new RuleViolation("date", doctor.displayName() + " is on leave on " + DATE.format(day)
                    + "; remove the leave first");
        }
        for (WorkingSession session : schedules.week(doctor.id())) {
            if (session.day() == day.getDayOfWeek() && overlap(session.start(), session.end(), start, end)) {
                throw new RuleViolation("start", "Overlaps the weekly session " + times(session.start(), session.end())
                        + " on " + dayName(session.day()) + "s");
            }
        }
        for (DateException extra : that) {
            if (extra.start() != null && extra.end() != null && overlap(extra.start(), extra.end(), start, end)) {
                throw new RuleViolation("start", "Overlaps the extra session " + times(extra.start(), extra.end())
                        + " on that date");
            }
        }
        schedules.addExtraSession(doctor.id(), day, start, end, cleanedNote);
    }

    /** The doctor's leave and extra sessions from today on. */
    @PreAuthorize(STAFF)
    @Transactional(readOnly = true)
    public List<DateException> upcomingDateExceptions(UUID doctorId) {
        return schedules.exceptionsFrom(find(doctorId).id(), today());
    }

    @PreAuthorize(ADMIN)
    @Transactional
    public void removeDateException(UUID doctorId, long exceptionId) {
        scheduleChanged();
        Doctor doctor = lock(doctorId);
        if (!schedules.removeException(doctor.id(), exceptionId)) {
            throw new RuleViolation(null, "This leave or extra session was already removed");
        }
    }

    /** A date on which the whole clinic is closed; today or later, one name a date. */
    @PreAuthorize(ADMIN)
    @Transactional
    public void addClinicHoliday(@Nullable LocalDate date, @Nullable String name) {
        scheduleChanged();
        List<RuleViolation.Problem> problems = new ArrayList<>();
        LocalDate day = null;
        try {
            day = requireComingDate(date);
        } catch (RuleViolation violation) {
            problems.addAll(violation.problems());
        }
        DoctorRules.holidayNameProblem(name).ifPresent(p -> problems.add(new RuleViolation.Problem("name", p)));
        if (day != null) {
            Optional<String> existing = schedules.holiday(day);
            if (existing.isPresent()) {
                problems.add(new RuleViolation.Problem("date", DATE.format(day) + " is already a clinic holiday ("
                        + existing.get() + ")"));
            }
        }
        if (!problems.isEmpty()) {
            throw new RuleViolation(problems);
        }
        try {
            schedules.addHoliday(day, clean(name));
        } catch (DuplicateKeyException raced) {
            throw new RuleViolation("date", DATE.format(day) + " is already a clinic holiday");
        }
    }

    @PreAuthorize(STAFF)
    @Transactional(readOnly = true)
    public List<ClinicHoliday> upcomingClinicHolidays() {
        return schedules.holidaysFrom(today());
    }

    @PreAuthorize(ADMIN)
    @Transactional
    public void removeClinicHoliday(LocalDate date) {
        scheduleChanged();
        if (!schedules.removeHoliday(date)) {
            throw new RuleViolation(null, "This holiday was already removed");
        }
    }

    /**
     * The signed-in doctor's own details, week, upcoming leave and extra sessions, and clinic holidays; empty when
     * their account is not linked to a doctor yet.
     */
    @PreAuthorize(DOCTOR)
    @Transactional(readOnly = true)
    public Optional<DoctorSchedule> mySchedule() {
        return currentStaff.username().flatMap(doctors::findByStaffUsername).map(doctor -> new DoctorSchedule(
                doctor.toRecord(specialtiesById().get(doctor.specialtyId())), schedules.week(doctor.id()),
                schedules.exceptionsFrom(doctor.id(), today()), schedules.holidaysFrom(today())));
    }

    // ---------------------------------------------------------------- reads for booking and other modules

    @PreAuthorize(EVERYONE_SIGNED_IN)
    @Transactional(readOnly = true)
    public List<DoctorSummary> doctors() {
        Map<Long, SpecialtySummary> bySpecialty = specialtiesById();
        return doctors.findByActiveTrueOrderByDisplayNameAsc().stream()
                .map(d -> d.toSummary(bySpecialty.get(d.specialtyId()))).toList();
    }

    /** Doctors by internal id, for other modules' lists (appointments, queues). */
    @PreAuthorize(STAFF_AND_PATIENTS)
    @Transactional(readOnly = true)
    public Map<Long, DoctorSummary> doctorsByInternalId(Collection<Long> internalIds) {
        Map<Long, SpecialtySummary> bySpecialty = specialtiesById();
        Map<Long, DoctorSummary> found = new HashMap<>();
        doctors.findAllById(internalIds).forEach(d -> found.put(d.id(), d.toSummary(bySpecialty.get(d.specialtyId()))));
        return found;
    }

    @PreAuthorize(STAFF_AND_PATIENTS)
    @Transactional(readOnly = true)
    public DoctorSummary doctor(UUID doctorId) {
        DoctorSummary cached = doctorCache.get(doctorId);
        if (cached != null) {
            return cached;
        }
        Doctor doctor = find(doctorId);
        DoctorSummary summary = doctor.toSummary(specialtiesById().get(doctor.specialtyId()));
        doctorCache.put(doctorId, summary);
        return summary;
    }

    @PreAuthorize(STAFF)
    @Transactional(readOnly = true)
    public List<WorkingSession> weeklySessions(UUID doctorId) {
        return schedules.week(find(doctorId).id());
    }

    /** The doctor's working time on a date, with leave, extra sessions and clinic holidays applied. */
    @PreAuthorize(STAFF_AND_PATIENTS)
    @Transactional(readOnly = true)
    public DaySchedule daySchedule(UUID doctorId, LocalDate date) {
        DaySchedule cached = dayCache.get(doctorId + "/" + date);
        if (cached != null) {
            return cached;
        }
        DaySchedule day = readDaySchedule(doctorId, date);
        if (dayCache.size() >= DAY_CACHE_LIMIT) {
            dayCache.clear(); // bounded: a long-running clinic reads ever new dates
        }
        dayCache.put(doctorId + "/" + date, day);
        return day;
    }

    private DaySchedule readDaySchedule(UUID doctorId, LocalDate date) {
        DoctorSummary doctor = doctor(doctorId);
        if (!doctor.active()) {
            return new DaySchedule(doctor, date, List.of(), doctor.displayName() + " no longer sees patients");
        }
        var holiday = schedules.holiday(date);
        if (holiday.isPresent()) {
            return new DaySchedule(doctor, date, List.of(), "Clinic closed: " + holiday.get());
        }
        if (schedules.onLeave(doctor.internalId(), date)) {
            return new DaySchedule(doctor, date, List.of(), doctor.displayName() + " is on leave");
        }
        List<DaySchedule.Session> sessions = new ArrayList<>(schedules.week(doctor.internalId()).stream()
                .filter(s -> s.day() == date.getDayOfWeek())
                .map(s -> new DaySchedule.Session(s.start(), s.end())).toList());
        sessions.addAll(schedules.extraSessions(doctor.internalId(), date));
        sessions.sort(Comparator.comparing(DaySchedule.Session::start));
        return new DaySchedule(doctor, date, sessions,
                sessions.isEmpty() ? doctor.displayName() + " does not work on " + dayName(date.getDayOfWeek()) + "s"
                        : null);
    }

    // ---------------------------------------------------------------- helpers

    private Doctor find(UUID doctorId) {
        return doctors.findByPublicId(doctorId).orElseThrow(() -> new NotFoundException("No doctor with this id"));
    }

    private Doctor lock(UUID doctorId) {
        return doctors.lockByPublicId(doctorId).orElseThrow(() -> new NotFoundException("No doctor with this id"));
    }

    private Map<Long, SpecialtySummary> specialtiesById() {
        return specialties.findAll().stream().collect(Collectors.toMap(Specialty::id, Specialty::toSummary,
                (a, b) -> a, HashMap::new));
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }

    private LocalDate requireComingDate(@Nullable LocalDate date) {
        if (date == null) {
            throw new RuleViolation("date", "Choose a date");
        }
        if (date.isBefore(today())) {
            throw new RuleViolation("date", "The date has passed: choose today or a later date");
        }
        return date;
    }

    private static @Nullable String note(@Nullable String note) {
        DoctorRules.noteProblem(note).ifPresent(problem -> {
            throw new RuleViolation("note", problem);
        });
        return Texts.clean(note);
    }

    private static String clean(@Nullable String text) {
        String cleaned = Texts.clean(text);
        return cleaned == null ? "" : cleaned;
    }

    private static boolean overlap(LocalTime startA, LocalTime endA, LocalTime startB, LocalTime endB) {
        return startA.isBefore(endB) && startB.isBefore(endA);
    }

    private static String dayName(DayOfWeek day) {
        return day.getDisplayName(TextStyle.FULL, Locale.ENGLISH);
    }

    private static String times(LocalTime start, LocalTime end) {
        return start + "–" + end;
    }
}
