package org.clinic.consultation;

import org.clinic.doctor.DoctorSummary;
import org.clinic.patient.PatientDetails;
import org.clinic.patient.PatientService;
import org.clinic.patient.Sex;
import org.clinic.patient.TestPatients;
import org.clinic.queue.Lane;
import org.clinic.queue.QueueService;
import org.clinic.security.ActingAs;
import org.clinic.security.Role;
import org.clinic.security.SystemAuthentication;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Completed consultations with prescriptions a pharmacist would see: an 18-month-old weighed at the visit, and an
 * adult weighed at an earlier visit whose prescription has an allergy override. A plain object over the services.
 */
public final class PrescriptionFixtures {

    public static final String OVERRIDE = "Rash only, in childhood; no reaction to cefalexin since; patient agrees";

    private final ConsultationService consultations;
    private final PatientService patients;
    private final QueueService queue;

    public PrescriptionFixtures(ConsultationService consultations, PatientService patients, QueueService queue) {
        this.consultations = consultations;
        this.patients = patients;
        this.queue = queue;
    }

    /** A boy of 18 months with otitis media, weighed today, two medicines. */
    public Consultation child(DoctorSummary doctor, LocalDate today) {
        UUID patient = patient("Leo", Sex.MALE, today.minusMonths(18));
        ConsultationContent content = new ConsultationContent(new Vitals(null, null, 128, 38.4, 97, 30, 11.2, 82.0),
                "Pulling at right ear, fever since yesterday", null, "Right eardrum red and bulging",
                "Acute otitis media, right", "H66.9", List.of(
                new PrescriptionLine("Amoxicillin oral suspension", "250 mg/5 mL", "5 mL", "three times a day",
                        "5 days", "100 mL", "Shake the bottle well; finish the course", null),
                new PrescriptionLine("Paracetamol oral suspension", "120 mg/5 mL", "5 mL",
                        "every 6 hours when needed (max 4 doses in 24 hours)", "3 days", "100 mL", null, null)),
                "Fluids; come back if not better in 3 days", null, null);
        return completed(doctor, patient, "Ear pain", content);
    }

    /** A woman of 58 weighed three weeks ago, with a medicine prescribed despite a recorded allergy. */
    public Consultation adult(DoctorSummary doctor, LocalDate today) {
        UUID patient = patient("Margaret", Sex.FEMALE, today.minusYears(58).minusDays(40));
        SystemAuthentication.runAs(Role.ADMIN, () -> consultations.recordPastVisit(new PastVisit(patient, doctor.id(),
                today.minusDays(21).atTime(10, 0), new ConsultationContent(new Vitals(142, 88, 76, null, null, null,
                81.5, 164.0), "Review", null, null, "Essential hypertension", "I10", List.of(
                new PrescriptionLine("Amlodipine", "5 mg", "1 tablet", "once a day", "ongoing", "28 tablets",
                        null, null)), null, null, null))));
        ConsultationContent content = new ConsultationContent(new Vitals(138, 86, 88, 38.1, 96, 18, null, null),
                "Burning when passing urine for 3 days", null, "Suprapubic tenderness", "Urinary tract infection",
                "N39.0", List.of(
                new PrescriptionLine("Cefalexin", "500 mg", "1 capsule", "twice a day", "7 days", "14 capsules",
                        "Take with water; finish the course", OVERRIDE),
                new PrescriptionLine("Amlodipine", "5 mg", "1 tablet", "once a day", "ongoing", "28 tablets",
                        "Continue as before", null)),
                "Drink plenty of fluids", null, null);
        return completed(doctor, patient, "Burning urine", content);
    }

    /** A consultation still being written: the sheet is marked DRAFT. */
    public Consultation draft(DoctorSummary doctor, LocalDate today) {
        UUID patient = patient("Nora", Sex.FEMALE, today.minusYears(30));
        return started(doctor, patient, "Cough");
    }

    private Consultation completed(DoctorSummary doctor, UUID patient, String reason, ConsultationContent content) {
        Consultation started = started(doctor, patient, reason);
        return ActingAs.as(doctor.staffUsername(), Role.DOCTOR,
                () -> consultations.complete(started.id(), started.version(), content));
    }

    private Consultation started(DoctorSummary doctor, UUID patient, String reason) {
        UUID entry = ActingAs.as("grace", Role.RECEPTIONIST, () -> queue.walkIn(patient, doctor.id(),
                doctor.specialty().id(), Lane.REGULAR, null, reason).entryId());
        return ActingAs.as(doctor.staffUsername(), Role.DOCTOR, () -> consultations.start(entry));
    }

    private UUID patient(String given, Sex sex, LocalDate born) {
        return SystemAuthentication.runAs(Role.RECEPTIONIST, () -> patients.register(new PatientDetails(given,
                TestPatients.uniqueName(), born, false, sex, null, null, null), true).id());
    }
}
