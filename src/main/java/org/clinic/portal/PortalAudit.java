package org.clinic.portal;

import org.clinic.security.PatientPrincipal;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authorization.event.AuthorizationDeniedEvent;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.Timestamp;
import java.time.Clock;

/**
 * The portal's audit trail ({@code patient_account_event}, append-only): accounts created, invitations, revocations,
 * email and password changes, in the transaction of the change; and every time a signed-in patient was refused
 * something (another patient's record, a staff service), in a transaction of its own, since the refused call's
 * transaction rolls back.
 */
@Component
class PortalAudit {

    private static final Logger log = LoggerFactory.getLogger(PortalAudit.class);

    enum Kind { SIGNED_UP, LINKED, INVITATION_CREATED, REVOKED, EMAIL_CHANGED, PASSWORD_CHANGED, REFUSED }

    private final JdbcClient jdbc;
    private final TransactionTemplate ownTransaction;
    private final Clock clock;

    PortalAudit(JdbcClient jdbc, PlatformTransactionManager transactions, Clock clock) {
        this.jdbc = jdbc;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
    }

    void record(Kind kind, @Nullable Long patientInternalId, @Nullable Long accountId, String actedBy,
                @Nullable String detail) {
        jdbc.sql("INSERT INTO patient_account_event (occurred_at, kind, patient_id, account_id, acted_by, detail)"
                        + " VALUES (:at, :kind, :patient, :account, :by, :detail)")
                .param("at", Timestamp.from(clock.instant())).param("kind", kind.name())
                .param("patient", patientInternalId).param("account", accountId)
                .param("by", actedBy.length() <= 50 ? actedBy : actedBy.substring(0, 50))
                .param("detail", detail == null || detail.length() <= 300 ? detail : detail.substring(0, 300))
                .update();
    }

    /** A signed-in patient was refused a service method: logged with what they asked for. */
    @EventListener
    void refused(AuthorizationDeniedEvent<?> denied) {
        var authentication = denied.getAuthentication().get();
        if (authentication == null || !(authentication.getPrincipal() instanceof PatientPrincipal patient)) {
            return;
        }
        String what = describe(denied.getSource());
        log.warn("Refused patient account {}: {}", patient.accountId(), what);
        ownTransaction.executeWithoutResult(tx -> {
            Long account = jdbc.sql("SELECT id FROM patient_account WHERE public_id = :id")
                    .param("id", patient.accountId().toString()).query(Long.class).optional().orElse(null);
            record(Kind.REFUSED, patient.patientInternalId(), account, patient.auditName(), what);
        });
    }

    private static String describe(Object source) {
        if (source instanceof org.aopalliance.intercept.MethodInvocation call) {
            StringBuilder text = new StringBuilder(call.getMethod().getDeclaringClass().getSimpleName())
                    .append('.').append(call.getMethod().getName()).append('(');
            Object[] arguments = call.getArguments();
            for (int i = 0; i < arguments.length; i++) {
                text.append(i == 0 ? "" : ", ").append(arguments[i] instanceof java.util.UUID
                        || arguments[i] instanceof Number ? arguments[i] : "…");
            }
            return text.append(')').toString();
        }
        return source.getClass().getSimpleName();
    }
}
