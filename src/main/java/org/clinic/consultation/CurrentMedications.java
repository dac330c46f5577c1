package org.clinic.consultation;

import org.clinic.base.ClinicSettings;
import org.clinic.doctor.DoctorService;
import org.clinic.doctor.DoctorSummary;
import org.clinic.patient.PatientReference;
import org.clinic.patient.PatientService;
import org.clinic.security.AccessKind;
import org.clinic.security.PatientAccessLog;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * A patient's current medications, from the prescriptions of their completed consultations whose course has not
 * run out today (see {@link MedicationCourse}; a duration without an end counts for 90 days). Newest first; a
 * medicine prescribed again is listed once, as last prescribed. Doctors only, and logged as a read of the patient's
 * consultations, like {@link ConsultationRecords#history(UUID)} (docs/adr/0008).
 */
@Service
public class CurrentMedications {

    /** How far back prescriptions are looked at: the longest course read from a duration is shorter. */
    static final int LOOK_BACK_YEARS = 3;

    private final MedicationStore store;
    private final PatientService patients;
    private final DoctorService doctors;
    private final PatientAccessLog accessLog;
    private final Clock clock;
    private final TransactionTemplate loggedReading;

    CurrentMedications(MedicationStore store, PatientService patients, DoctorService doctors,
                       PatientAccessLog accessLog, Clock clock, ClinicSettings settings,
                       PlatformTransactionManager transactions) {
        this.store = store;
        this.patients = patients;
        this.doctors = doctors;
        this.accessLog = accessLog;
        this.clock = settings.following(clock);
        this.loggedReading = new TransactionTemplate(transactions);
        this.loggedReading.setIsolationLevel(TransactionDefinition.ISOLATION_READ_COMMITTED);
    }

    @PreAuthorize(ConsultationService.DOCTORS)
    public List<CurrentMedication> of(UUID patientId) {
        PatientReference patient = patients.reference(patientId);
        LocalDate today = LocalDate.now(clock);
        return Objects.requireNonNull(loggedReading.execute(status -> {
            List<MedicationStore.Prescribed> prescribed = store.prescribedSince(patient.internalId(),
                    today.minusYears(LOOK_BACK_YEARS));
            List<CurrentMedication> current = current(prescribed, today, doctorNames(prescribed));
            accessLog.record(patient.id(), patient.internalId(), AccessKind.CONSULTATION);
            return current;
        }));
    }

    /** The still-running ones of {@code prescribed} (newest first), each medicine once. */
    static List<CurrentMedication> current(List<MedicationStore.Prescribed> prescribed, LocalDate today,
                                           Map<Long, String> doctorNames) {
        Set<String> seen = new HashSet<>();
        List<CurrentMedication> current = new ArrayList<>();
        for (MedicationStore.Prescribed p : prescribed) {
            if (!seen.add(p.medicine().toLowerCase(Locale.ROOT))) {
                continue; // prescribed again later: the newer prescription is what the patient takes
            }
            MedicationCourse course = MedicationCourse.of(p.duration(), p.visitDate());
            if (course.currentOn(today)) {
                current.add(new CurrentMedication(p.medicine(), p.strength(), p.dose(), p.frequency(), p.duration(),
                        course, doctorNames.getOrDefault(p.doctorId(), "another doctor"), p.consultationId()));
            }
        }
        return current;
    }

    private Map<Long, String> doctorNames(List<MedicationStore.Prescribed> prescribed) {
        if (prescribed.isEmpty()) {
            return Map.of();
        }
        return doctors.doctorsByInternalId(prescribed.stream().map(MedicationStore.Prescribed::doctorId)
                        .collect(Collectors.toSet())).values().stream()
                .collect(Collectors.toMap(DoctorSummary::internalId, DoctorSummary::displayName));
    }
}
