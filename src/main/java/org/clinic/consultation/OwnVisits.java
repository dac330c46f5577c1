package org.clinic.consultation;

import org.clinic.base.NotFoundException;
import org.clinic.security.AccessKind;
import org.clinic.security.PatientAccessLog;
import org.clinic.security.PatientPrincipal;
import org.clinic.security.CurrentPatient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * A patient's own completed visits, in the portal. Completed ones only (a draft is the doctor's work in progress),
 * of the signed-in patient only: another patient's visit is "not found", like one that does not exist, and the
 * attempt is logged. Every read writes its access-log row in the reading transaction, as staff reads do.
 */
@Service
public class OwnVisits {

    private static final Logger log = LoggerFactory.getLogger(OwnVisits.class);

    private final ConsultationStore store;
    private final ConsultationLookup lookup;
    private final CurrentPatient signedIn;
    private final PatientAccessLog accessLog;
    private final TransactionTemplate loggedReading;

    OwnVisits(ConsultationStore store, ConsultationLookup lookup, CurrentPatient signedIn, PatientAccessLog accessLog,
              PlatformTransactionManager transactions) {
        this.store = store;
        this.lookup = lookup;
        this.signedIn = signedIn;
        this.accessLog = accessLog;
        this.loggedReading = new TransactionTemplate(transactions);
        this.loggedReading.setIsolationLevel(TransactionDefinition.ISOLATION_READ_COMMITTED);
    }

    /** The signed-in patient's completed visits, newest first. */
    @PreAuthorize(CurrentPatient.SIGNED_IN)
    public List<PatientVisit> visits() {
        PatientPrincipal me = signedIn.require();
        return Objects.requireNonNull(loggedReading.execute(status -> {
            List<ConsultationStore.Row> rows = store.ofPatient(me.patientInternalId(), ConsultationStatus.COMPLETED,
                    true);
            Map<Long, List<Consultation.Addendum>> addenda = store.addenda(rows.stream()
                    .map(ConsultationStore.Row::id).toList());
            List<PatientVisit> found = rows.stream()
                    .map(r -> PatientVisit.of(lookup.consultation(r, addenda.getOrDefault(r.id(), List.of()), -1)))
                    .toList();
            accessLog.record(me.patientId(), me.patientInternalId(), AccessKind.PORTAL);
            return found;
        }));
    }

    /** One of the signed-in patient's completed visits, for its printable page. */
    @PreAuthorize(CurrentPatient.SIGNED_IN)
    public PatientVisit visit(UUID consultationId) {
        PatientPrincipal me = signedIn.require();
        return Objects.requireNonNull(loggedReading.execute(status -> {
            ConsultationStore.Row row = store.byPublicId(consultationId)
                    .orElseThrow(() -> new NotFoundException("No visit with this id"));
            if (row.patientId() != me.patientInternalId()) {
                log.warn("Refused portal account {} the visit {} of another patient", me.auditName(), consultationId);
                throw new NotFoundException("No visit with this id");
            }
            if (row.status() != ConsultationStatus.COMPLETED) {
                throw new NotFoundException("No visit with this id"); // a draft is not the patient's to read yet
            }
            PatientVisit found = PatientVisit.of(lookup.consultation(row, store.addenda(row.id()), -1));
            accessLog.record(me.patientId(), me.patientInternalId(), AccessKind.PORTAL);
            return found;
        }));
    }
}
