package org.clinic.security;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.util.UUID;

/** Ends a patient's open portal sessions when reception revokes their access, as staff sessions end when disabled. */
@Service
public class PatientSessions {

    static final String FRONT_DESK = "hasAnyRole('" + Role.RECEPTIONIST_NAME + "','" + Role.ADMIN_NAME + "')";

    private final StaffSessions sessions;

    PatientSessions(StaffSessions sessions) {
        this.sessions = sessions;
    }

    /** Ends them once the caller's transaction commits (at once without one): a rolled-back revoke ends nothing. */
    @PreAuthorize(FRONT_DESK)
    public void endSessionsOf(UUID accountId) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    sessions.endPatientSessions(accountId);
                }
            });
        } else {
            sessions.endPatientSessions(accountId);
        }
    }

    /** How many portal sessions of the account are open on this node (for tests and the record screen). */
    @PreAuthorize(FRONT_DESK)
    public int openSessionsOf(UUID accountId) {
        return sessions.openPatientSessionsOf(accountId);
    }
}
