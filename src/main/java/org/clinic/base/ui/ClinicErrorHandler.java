package org.clinic.base.ui;

import org.clinic.base.operations.Redacted;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.server.ErrorEvent;
import com.vaadin.flow.server.ErrorHandler;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import org.clinic.base.NotFoundException;
import org.clinic.base.RuleViolation;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.CannotCreateTransactionException;

import java.sql.SQLTransientConnectionException;
import java.util.UUID;

/**
 * What people see when something fails during a click: a plain message, never a stack trace. Transactions roll
 * back, so "nothing was saved" is true. The database being away is its own message; the app recovers by itself
 * once it is back, because every request takes a fresh, validated connection from the pool.
 */
@Component
class ClinicErrorHandler implements ErrorHandler, VaadinServiceInitListener {

    private static final Logger log = LoggerFactory.getLogger(ClinicErrorHandler.class);

    static final String DATABASE_UNAVAILABLE =
            "The clinic's database cannot be reached right now. Nothing was saved. Please try again in a moment.";

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addSessionInitListener(init -> init.getSession().setErrorHandler(this));
    }

    @Override
    public void error(ErrorEvent event) {
        String message = messageFor(event.getThrowable());
        if (UI.getCurrent() != null) {
            Notification notification = Notification.show(message, 8000, Notification.Position.TOP_CENTER);
            notification.addThemeVariants(NotificationVariant.LUMO_ERROR);
        }
    }

    /** A sentence for a failure, logging the unexpected ones with a reference staff can quote. */
    static String messageFor(Throwable failure) {
        if (isDatabaseUnavailable(failure)) {
            log.warn("Database unavailable: {}", Redacted.describe(rootCause(failure)));
            return DATABASE_UNAVAILABLE;
        }
        RuleViolation violation = find(failure, RuleViolation.class);
        if (violation != null) {
            return violation.getMessage();
        }
        if (find(failure, AccessDeniedException.class) != null) {
            return "You are not allowed to do that.";
        }
        NotFoundException notFound = find(failure, NotFoundException.class);
        if (notFound != null) {
            return notFound.getMessage();
        }
        String reference = UUID.randomUUID().toString().substring(0, 8);
        // without the messages: a database error's text may echo a patient's phone, e-mail or name
        log.error("Unexpected failure (reference {})", reference, Redacted.of(failure));
        return "Something went wrong and nothing was saved. If it happens again, tell the administrator: reference "
                + reference + ".";
    }

    static boolean isDatabaseUnavailable(Throwable failure) {
        return find(failure, CannotCreateTransactionException.class) != null
                || find(failure, DataAccessResourceFailureException.class) != null
                || find(failure, SQLTransientConnectionException.class) != null
                || find(failure, java.net.ConnectException.class) != null;
    }

    private static <T extends Throwable> @Nullable T find(Throwable failure, Class<T> type) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }

    private static Throwable rootCause(Throwable failure) {
        Throwable t = failure;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t;
    }
}
