package org.clinic.consultation;

import org.clinic.base.NotFoundException;
import org.clinic.doctor.DoctorService;
import org.clinic.doctor.DoctorSummary;
import org.clinic.patient.PatientReference;
import org.clinic.patient.PatientService;
import org.clinic.queue.QueueBoards;
import org.clinic.queue.QueueService;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * What both sides of consultations look up the same way: the row behind a public id, the draft rule (a draft is open
 * only to its treating doctor) and the {@link Consultation} a row becomes for the signed-in doctor. Used by
 * {@link ConsultationService} to show a writer what they just saved and by {@link ConsultationRecords} for logged
 * reads; neither secures nor logs anything here, the services do.
 */
@Component
class ConsultationLookup {

    private final ConsultationStore store;
    private final QueueService queue;
    private final QueueBoards boards;
    private final PatientService patients;
    private final DoctorService doctors;
    private final TransactionTemplate reading;

    ConsultationLookup(ConsultationStore store, QueueService queue, QueueBoards boards, PatientService patients, DoctorService doctors,
                       PlatformTransactionManager transactions) {
        this.store = store;
        this.queue = queue;
        this.boards = boards;
        this.patients = patients;
        this.doctors = doctors;
        this.reading = new TransactionTemplate(transactions);
        this.reading.setReadOnly(true);
        this.reading.setIsolationLevel(TransactionDefinition.ISOLATION_READ_COMMITTED);
    }

    /** The signed-in doctor's internal id, or -1 for an account not linked to a doctor (it treats no one). */
    long signedInDoctorId() {
        return boards.signedInDoctor().map(DoctorSummary::internalId).orElse(-1L);
    }

    ConsultationStore.Row row(UUID consultationId) {
        return store.byPublicId(consultationId)
                .orElseThrow(() -> new NotFoundException("No consultation with this id"));
    }

    /** The consultation as the doctor {@code me} may see it: someone else's draft is refused. */
    Consultation visible(ConsultationStore.Row row, long me) {
        requireVisible(row, me);
        return consultation(row, store.addenda(row.id()), me);
    }

    /** Someone else's draft is refused: a draft is open only to its treating doctor. */
    void requireVisible(ConsultationStore.Row row, long me) {
        if (row.status() == ConsultationStatus.DRAFT && row.doctorId() != me) {
            throw new AccessDeniedException("A draft consultation is open only to its treating doctor");
        }
    }

    Consultation consultation(ConsultationStore.Row r, List<Consultation.Addendum> addenda, long me) {
        PatientReference patient = patientOf(r);
        DoctorSummary doctor = doctors.doctorsByInternalId(Set.of(r.doctorId())).get(r.doctorId());
        return r.toConsultation(patient, doctor, addenda, r.doctorId() == me);
    }

    PatientReference patientOf(ConsultationStore.Row row) {
        return patients.references(List.of(row.patientId())).get(row.patientId());
    }

    /** Runs {@code work} in a read-only READ_COMMITTED transaction: for reads that write nothing, no log row either. */
    <T> T read(Supplier<T> work) {
        return reading.execute(status -> work.get());
    }
}
