package org.clinic.doctor;

import org.clinic.base.NotFoundException;
import org.clinic.base.RuleViolation;
import org.clinic.base.Texts;
import org.clinic.security.Role;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import java.util.stream.Collectors;

/**
 * Specialties, doctors and their working time. Administrators change them; everyone on the staff may read them,
 * because booking, queues and the doctor's own screens all need them.
 */
@Service
public class DoctorService {

    static final String ADMIN = "hasRole('" + Role.ADMIN_NAME + "')";
    static final String STAFF = "hasAnyRole('" + Role.ADMIN_NAME + "','" + Role.RECEPTIONIST_NAME + "','"
            + Role.DOCTOR_NAME + "')";
    /** Doctors' names, specialties and rooms are also what waiting-room displays show beside the tokens. */
    static final String STAFF_AND_DISPLAYS = "hasAnyRole('" + Role.ADMIN_NAME + "','" + Role.RECEPTIONIST_NAME + "','"
            + Role.DOCTOR_NAME + "','" + Role.DISPLAY_NAME + "')";

    private final SpecialtyRepository specialties;
    private final DoctorRepository doctors;
    private final ScheduleStore schedules;
    /**
     * Working time is read on every booking and changes rarely: days are kept in memory and all of them are
     * dropped after any change made through this service (one application node; see the README).
     */
    private final Map<String, DaySchedule> dayCache = new java.util.concurrent.ConcurrentHashMap<>();
    private final Map<UUID, DoctorSummary> doctorCache = new java.util.concurrent.ConcurrentHashMap<>();
    private static final int DAY_CACHE_LIMIT = 20_000;

    DoctorService(SpecialtyRepository specialties, DoctorRepository doctors, ScheduleStore schedules) {
        this.specialties = specialties;
        this.doctors = doctors;
        this.schedules = schedules;
    }

    private void scheduleChanged() {
        org.springframework.transaction.support.TransactionSynchronizationManager.registerSynchronization(
                new org.springframework.transaction.support.TransactionSynchronization() {
                    @Override
                    public void afterCompletion(int status) {
                        dayCache.clear();
                        doctorCache.clear();
                    }
                });
        dayCache.clear();
        doctorCache.clear();
    }

    @PreAuthorize(ADMIN)
    @Transactional
    public SpecialtySummary addSpecialty(String name) {
        scheduleChanged();
        String cleaned = Texts.clean(name);
        if (cleaned == null || cleaned.length() < 2 || cleaned.length() > 80 || Texts.hasInvisibleCharacters(name)) {
            throw new RuleViolation("name", "2–80 characters");
        }
        if (specialties.existsByName(cleaned)) {
            throw new RuleViolation("name", cleaned + " already exists");
        }
        return specialties.saveAndFlush(new Specialty(cleaned)).toSummary();
    }

    @PreAuthorize(STAFF_AND_DISPLAYS)
    @Transactional(readOnly = true)
    public List<SpecialtySummary> specialties() {
        return specialties.findAllByOrderByNameAsc().stream().map(Specialty::toSummary).toList();
    }

    @PreAuthorize(ADMIN)
    @Transactional
    public DoctorSummary addDoctor(NewDoctor details) {
        scheduleChanged();
        List<RuleViolation.Problem> problems = new ArrayList<>();
        if (details.slotMinutes() < 5 || details.slotMinutes() > 120) {
            problems.add(new RuleViolation.Problem("slotMinutes", "A slot lasts 5 to 120 minutes"));
        }
        if (details.dailyCapacity() < 1 || details.dailyCapacity() > 200) {
            problems.add(new RuleViolation.Problem("dailyCapacity", "Capacity must be at least 1 patient a day (at most 200)"));
        }
        if (Texts.clean(details.room()) == null) {
            problems.add(new RuleViolation.Problem("room", "Enter the room"));
        }
        String email = details.email() == null ? "" : details.email().strip().toLowerCase(Locale.ROOT);
        if (!email.matches("[^@\\s<>]+@[^@\\s<>]+\\.[^@\\s<>.]{2,}")) {
            problems.add(new RuleViolation.Problem("email", "Not a valid email address"));
        } else if (doctors.existsByEmail(email)) {
            problems.add(new RuleViolation.Problem("email", "Another doctor has this email"));
        }
        if (Texts.clean(details.registrationNumber()) == null) {
            problems.add(new RuleViolation.Problem("registrationNumber", "Enter the registration number"));
        } else if (doctors.existsByRegistrationNumber(details.registrationNumber().strip())) {
            problems.add(new RuleViolation.Problem("registrationNumber", "Another doctor has this registration number"));
        }
        if (doctors.existsByStaffUsername(details.staffUsername())) {
            problems.add(new RuleViolation.Problem("staffUsername", "This account already belongs to a doctor"));
        }
        if (!problems.isEmpty()) {
            throw new RuleViolation(problems);
        }
        Specialty specialty = specialties.findByPublicId(details.specialtyId())
                .orElseThrow(() -> new RuleViolation("specialtyId", "Choose a specialty"));
        NewDoctor cleaned = new NewDoctor(details.staffUsername(), Texts.clean(details.displayName()),
                details.specialtyId(), email, details.registrationNumber().strip(), Texts.clean(details.room()),
                details.slotMinutes(), details.dailyCapacity());
        Doctor doctor = doctors.saveAndFlush(new Doctor(cleaned, specialty.id()));
        return doctor.toSummary(specialty.toSummary());
    }

    /** Replaces a doctor's weekly sessions; sessions of one weekday may not overlap. */
    @PreAuthorize(ADMIN)
    @Transactional
    public void setWeeklySessions(UUID doctorId, List<WorkingSession> sessions) {
        scheduleChanged();
        Map<java.time.DayOfWeek, List<WorkingSession>> byDay = sessions.stream()
                .collect(Collectors.groupingBy(WorkingSession::day));
        for (List<WorkingSession> day : byDay.values()) {
            List<WorkingSession> sorted = day.stream().sorted(Comparator.comparing(WorkingSession::start)).toList();
            for (int i = 1; i < sorted.size(); i++) {
                if (sorted.get(i).start().isBefore(sorted.get(i - 1).end())) {
                    throw new RuleViolation("sessions", "Sessions on " + sorted.get(i).day() + " overlap");
                }
            }
        }
        schedules.replaceWeek(find(doctorId).id(), sessions);
    }

    @PreAuthorize(ADMIN)
    @Transactional
    public void addLeave(UUID doctorId, LocalDate date, String note) {
        scheduleChanged();
        schedules.addLeave(find(doctorId).id(), date, note);
    }

    @PreAuthorize(ADMIN)
    @Transactional
    public void addExtraSession(UUID doctorId, LocalDate date, LocalTime start, LocalTime end, String note) {
        scheduleChanged();
        if (!start.isBefore(end)) {
            throw new RuleViolation("end", "A session must end after it starts");
        }
        schedules.addExtraSession(find(doctorId).id(), date, start, end, note);
    }

    @PreAuthorize(ADMIN)
    @Transactional
    public void addClinicHoliday(LocalDate date, String name) {
        scheduleChanged();
        schedules.addHoliday(date, name);
    }

    @PreAuthorize(STAFF_AND_DISPLAYS)
    @Transactional(readOnly = true)
    public List<DoctorSummary> doctors() {
        Map<Long, SpecialtySummary> bySpecialty = specialtiesById();
        return doctors.findByActiveTrueOrderByDisplayNameAsc().stream()
                .map(d -> d.toSummary(bySpecialty.get(d.specialtyId()))).toList();
    }

    /** Doctors by internal id, for other modules' lists (appointments, queues). */
    @PreAuthorize(STAFF)
    @Transactional(readOnly = true)
    public Map<Long, DoctorSummary> doctorsByInternalId(java.util.Collection<Long> internalIds) {
        Map<Long, SpecialtySummary> bySpecialty = specialtiesById();
        Map<Long, DoctorSummary> found = new java.util.HashMap<>();
        doctors.findAllById(internalIds).forEach(d -> found.put(d.id(), d.toSummary(bySpecialty.get(d.specialtyId()))));
        return found;
    }

    @PreAuthorize(STAFF)
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
    @PreAuthorize(STAFF)
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
                sessions.isEmpty() ? doctor.displayName() + " does not work on " + date.getDayOfWeek()
                        .getDisplayName(java.time.format.TextStyle.FULL, Locale.ENGLISH) + "s" : null);
    }

    private Doctor find(UUID doctorId) {
        return doctors.findByPublicId(doctorId).orElseThrow(() -> new NotFoundException("No doctor with this id"));
    }

    private Map<Long, SpecialtySummary> specialtiesById() {
        return specialties.findAll().stream().collect(Collectors.toMap(Specialty::id, Specialty::toSummary,
                (a, b) -> a, () -> new java.util.HashMap<>()));
    }

}
