package org.clinic.consultation;

import org.clinic.base.RuleViolation;
import org.clinic.consultation.Consultation.Addendum;
import org.clinic.doctor.DoctorService;
import org.clinic.doctor.DoctorSummary;
import org.clinic.patient.PatientReference;
import org.clinic.patient.PatientService;
import org.clinic.security.Role;
import org.clinic.security.PatientOwnership;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Clinical reads for exports, produced in the background: a doctor's completed consultations over a date range (the
 * one clinical read open to administrators), and one patient's completed consultations for their doctor. Not logged
 * here: the export module checks access when the export is asked for and logs one read per patient when the file is
 * produced. Kept apart from {@link ConsultationRecords}, whose every clinical read is for doctors only and logged.
 */
@Service
public class ConsultationArchive {

    private final ConsultationStore store;
    private final PatientService patients;
    private final DoctorService doctors;
    private final TransactionTemplate reading;

    ConsultationArchive(ConsultationStore store, PatientService patients, DoctorService doctors,
                        PlatformTransactionManager transactions) {
        this.store = store;
        this.patients = patients;
        this.doctors = doctors;
        this.reading = new TransactionTemplate(transactions);
        this.reading.setReadOnly(true);
        this.reading.setIsolationLevel(TransactionDefinition.ISOLATION_READ_COMMITTED);
    }

    /** One doctor's completed consultations with a visit date in the range, oldest first, with their content. */
    @PreAuthorize("hasRole('" + Role.ADMIN_NAME + "')")
    public List<Consultation> completedOfDoctor(UUID doctorId, LocalDate from, LocalDate to) {
        if (to.isBefore(from)) {
            throw new RuleViolation("to", "The end of the range lies before its start");
        }
        DoctorSummary doctor = doctors.doctor(doctorId);
        return reading.execute(status -> {
            List<ConsultationStore.Row> rows = store.completedOfDoctor(doctor.internalId(), from, to);
            Map<Long, List<Consultation.Addendum>> addenda = store.addenda(rows.stream()
                    .map(ConsultationStore.Row::id).toList());
            Map<Long, PatientReference> people = patients.references(rows.stream()
                    .map(ConsultationStore.Row::patientId).distinct().toList());
            return rows.stream().map(r -> {
                return r.toConsultation(people.get(r.patientId()), doctor, addenda.getOrDefault(r.id(), List.of()),
                        false);
            }).toList();
        });
    }

    /** One patient's completed consultations, oldest first, with their content, for that patient's export. */
    @PreAuthorize("hasRole('" + Role.DOCTOR_NAME + "') or " + PatientOwnership.OWN_RECORD)
    public List<Consultation> completedOfPatient(UUID patientId) {
        PatientReference patient = patients.reference(patientId);
        return reading.execute(status -> {
            List<ConsultationStore.Row> rows = store.ofPatient(patient.internalId(), ConsultationStatus.COMPLETED,
                    true).reversed();
            Map<Long, List<Addendum>> addenda = store.addenda(rows.stream().map(ConsultationStore.Row::id).toList());
            Map<Long, DoctorSummary> byId = doctors.doctorsByInternalId(rows.stream()
                    .map(ConsultationStore.Row::doctorId).collect(java.util.stream.Collectors.toSet()));
            return rows.stream().map(r -> {
                return r.toConsultation(patient, byId.get(r.doctorId()), addenda.getOrDefault(r.id(), List.of()),
                        false);
            }).toList();
        });
    }
}
