package org.clinic.doctor;

import org.clinic.base.NotFoundException;
import org.clinic.base.RuleViolation;
import org.clinic.base.Texts;
import org.clinic.security.CurrentStaff;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Working time: weekly sessions, leave, extra sessions and clinic holidays. Every change to one doctor's time first
 * locks that doctor's row, so the overlap checks below cannot be raced by a second administrator; the database backs
 * the rest (one leave a date, one holiday a date). Runs in DoctorService's transactions.
 */
@Component
class WorkingTime {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("EEE d MMM yyyy", Locale.ENGLISH);

    private final DoctorRepository doctors;
    private final ScheduleStore schedules;
    private final Specialties specialties;
    private final CurrentStaff currentStaff;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    WorkingTime(DoctorRepository doctors, ScheduleStore schedules, Specialties specialties, CurrentStaff currentStaff,
                ApplicationEventPublisher events, Clock clock) {
        this.doctors = doctors;
        this.schedules = schedules;
        this.specialties = specialties;
        this.currentStaff = currentStaff;
        this.events = events;
        this.clock = clock;
    }

    void setWeeklySessions(UUID doctorId, List<WorkingSession> sessions) {
        events.publishEvent(new DoctorsChanged());
        Doctor doctor = lock(doctorId);
        Map<DayOfWeek, List<WorkingSession>> byDay = sessions.stream()
                .collect(Collectors.groupingBy(WorkingSession::day));
        for (List<WorkingSession> day : byDay.values()) {
            WeeklyHours.overlaps(day).stream().findFirst().ifPresent(overlap -> {
                throw new RuleViolation("sessions", "Sessions on " + dayName(overlap.later().day()) + " overlap ("
                        + times(overlap.earlier().start(), overlap.earlier().end()) + " and "
                        + times(overlap.later().start(), overlap.later().end()) + ")");
            });
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

    void addLeave(UUID doctorId, @Nullable LocalDate date, @Nullable String note) {
        events.publishEvent(new DoctorsChanged());
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

    void addExtraSession(UUID doctorId, @Nullable LocalDate date, @Nullable LocalTime start, @Nullable LocalTime end,
                         @Nullable String note) {
        events.publishEvent(new DoctorsChanged());
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

    List<DateException> upcomingDateExceptions(UUID doctorId) {
        return schedules.exceptionsFrom(find(doctorId).id(), today());
    }

    void removeDateException(UUID doctorId, long exceptionId) {
        events.publishEvent(new DoctorsChanged());
        Doctor doctor = lock(doctorId);
        if (!schedules.removeException(doctor.id(), exceptionId)) {
            throw new RuleViolation(null, "This leave or extra session was already removed");
        }
    }

    void addClinicHoliday(@Nullable LocalDate date, @Nullable String name) {
        events.publishEvent(new DoctorsChanged());
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
        if (!problems.isEmpty() || day == null) {
            throw new RuleViolation(problems);
        }
        try {
            schedules.addHoliday(day, DoctorRecords.clean(name));
        } catch (DuplicateKeyException raced) {
            throw new RuleViolation("date", DATE.format(day) + " is already a clinic holiday");
        }
    }

    List<ClinicHoliday> upcomingClinicHolidays() {
        return schedules.holidaysFrom(today());
    }

    void removeClinicHoliday(LocalDate date) {
        events.publishEvent(new DoctorsChanged());
        if (!schedules.removeHoliday(date)) {
            throw new RuleViolation(null, "This holiday was already removed");
        }
    }

    Optional<DoctorSchedule> mySchedule() {
        return currentStaff.username().flatMap(doctors::findByStaffUsername).map(doctor -> new DoctorSchedule(
                doctor.toRecord(specialties.byInternalId().get(doctor.specialtyId())), schedules.week(doctor.id()),
                schedules.exceptionsFrom(doctor.id(), today()), schedules.holidaysFrom(today())));
    }

    List<WorkingSession> weeklySessions(UUID doctorId) {
        return schedules.week(find(doctorId).id());
    }

    private Doctor find(UUID doctorId) {
        return doctors.findByPublicId(doctorId).orElseThrow(() -> new NotFoundException("No doctor with this id"));
    }

    private Doctor lock(UUID doctorId) {
        return doctors.lockByPublicId(doctorId).orElseThrow(() -> new NotFoundException("No doctor with this id"));
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

    private static boolean overlap(LocalTime startA, LocalTime endA, LocalTime startB, LocalTime endB) {
        return startA.isBefore(endB) && startB.isBefore(endA);
    }

    static String dayName(DayOfWeek day) {
        return day.getDisplayName(TextStyle.FULL, Locale.ENGLISH);
    }

    private static String times(LocalTime start, LocalTime end) {
        return start + "–" + end;
    }
}
