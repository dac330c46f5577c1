package org.clinic.doctor;

import org.clinic.base.NotFoundException;
import org.clinic.base.RuleViolation;
import org.clinic.base.Texts;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Specialties: their names are unique, and one a doctor practises cannot be removed. Runs in DoctorService's transactions. */
@Component
class Specialties {

    private final SpecialtyRepository specialties;
    private final DoctorRepository doctors;
    private final ApplicationEventPublisher events;

    Specialties(SpecialtyRepository specialties, DoctorRepository doctors, ApplicationEventPublisher events) {
        this.specialties = specialties;
        this.doctors = doctors;
        this.events = events;
    }

    SpecialtySummary add(String name) {
        events.publishEvent(new DoctorsChanged());
        String cleaned = name(name);
        if (specialties.existsByName(cleaned)) {
            throw new RuleViolation("name", cleaned + " already exists");
        }
        return specialties.saveAndFlush(new Specialty(cleaned)).toSummary();
    }

    SpecialtySummary rename(java.util.UUID specialtyId, String name) {
        events.publishEvent(new DoctorsChanged());
        Specialty specialty = specialties.findByPublicId(specialtyId)
                .orElseThrow(() -> new NotFoundException("No specialty with this id"));
        String cleaned = name(name);
        if (specialties.existsByNameAndIdNot(cleaned, specialty.id())) {
            throw new RuleViolation("name", cleaned + " already exists");
        }
        specialty.rename(cleaned);
        return specialties.saveAndFlush(specialty).toSummary();
    }

    void remove(java.util.UUID specialtyId) {
        events.publishEvent(new DoctorsChanged());
        Specialty specialty = specialties.findByPublicId(specialtyId)
                .orElseThrow(() -> new RuleViolation(null, "This specialty was already removed"));
        if (doctors.existsBySpecialtyId(specialty.id())) {
            throw new RuleViolation(null, specialty.toSummary().name()
                    + " still has doctors; give them another specialty first");
        }
        specialties.delete(specialty);
        specialties.flush();
    }

    List<SpecialtySummary> all() {
        return specialties.findAllByOrderByNameAsc().stream().map(Specialty::toSummary).toList();
    }

    List<SpecialtyUsage> usage() {
        Map<Long, Long> counts = new HashMap<>();
        for (Object[] row : doctors.countBySpecialty()) {
            counts.put((Long) row[0], ((Number) row[1]).longValue());
        }
        return specialties.findAllByOrderByNameAsc().stream()
                .map(s -> new SpecialtyUsage(s.toSummary(), counts.getOrDefault(s.id(), 0L))).toList();
    }

    /** Every specialty by its internal id (a few dozen rows). */
    Map<Long, SpecialtySummary> byInternalId() {
        Map<Long, SpecialtySummary> found = new HashMap<>();
        specialties.findAll().forEach(s -> found.putIfAbsent(s.id(), s.toSummary()));
        return found;
    }

    private static String name(@Nullable String name) {
        DoctorRules.specialtyNameProblem(name).ifPresent(problem -> {
            throw new RuleViolation("name", problem);
        });
        return Objects.requireNonNull(Texts.clean(name));
    }
}
