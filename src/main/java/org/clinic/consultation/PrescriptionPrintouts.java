package org.clinic.consultation;

import org.clinic.base.ClinicIdentitySource;
import org.clinic.doctor.DoctorService;
import org.clinic.patient.PatientReference;
import org.clinic.patient.PatientService;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

import java.util.UUID;

/**
 * The printed visit summary and prescription: the consultation as {@link ConsultationRecords#summary(UUID)} reads
 * (and logs) it, with what a pharmacist checks beside it: date of birth, sex and weight, the prescriber's
 * registration number, the clinic's address and phone. Doctors only.
 */
@Service
public class PrescriptionPrintouts {

    private final ConsultationRecords records;
    private final ConsultationStore store;
    private final PatientService patients;
    private final DoctorService doctors;
    private final ClinicIdentitySource clinic;

    PrescriptionPrintouts(ConsultationRecords records, ConsultationStore store, PatientService patients,
                          DoctorService doctors, ClinicIdentitySource clinic) {
        this.records = records;
        this.store = store;
        this.patients = patients;
        this.doctors = doctors;
        this.clinic = clinic;
    }

    @PreAuthorize(ConsultationService.DOCTORS)
    public PrintedPrescription sheet(UUID consultationId) {
        Consultation consultation = records.summary(consultationId); // refuses someone else's draft; logs the read
        Double weighed = consultation.content().vitals().weight();
        PrintedPrescription.Weight weight;
        if (weighed != null) {
            weight = new PrintedPrescription.Weight(weighed, consultation.visitDate(), true);
        } else {
            PatientReference patient = patients.reference(consultation.patientId());
            long internalId = store.byPublicId(consultation.id()).orElseThrow().id();
            weight = store.latestWeight(patient.internalId(), internalId, consultation.visitDate())
                    .map(w -> new PrintedPrescription.Weight(w.kg(), w.on(), false)).orElse(null);
        }
        return new PrintedPrescription(consultation, weight,
                doctors.doctor(consultation.doctorId()).registrationNumber(), clinic.current());
    }
}
