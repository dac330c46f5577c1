package org.clinic.base.operations;

import org.jspecify.annotations.Nullable;

import java.sql.SQLException;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;

/**
 * A failure as it may be logged: the same classes and stack frames, without the messages. Messages of database and
 * mail errors echo the values they choke on ("Duplicate entry '07700 900123' for key ...", "550 <ann@example.org>
 * rejected"), which may be a patient's phone, e-mail or name; the class, the SQL state and error code, and where it
 * happened are what a developer needs, and the reference the person was shown ties them to the moment.
 */
public final class Redacted extends RuntimeException {

    private Redacted(String description, StackTraceElement[] trace, @Nullable Throwable cause) {
        super(description, cause, false, true);
        setStackTrace(trace);
    }

    /** A copy of the failure and its causes, each naming only its class (and, for SQL, state and error code). */
    public static Throwable of(Throwable failure) {
        return copy(failure, Collections.newSetFromMap(new IdentityHashMap<>()));
    }

    private static Redacted copy(Throwable failure, Set<Throwable> seen) {
        seen.add(failure);
        Throwable cause = failure.getCause();
        return new Redacted(describe(failure), failure.getStackTrace(),
                cause == null || seen.contains(cause) ? null : copy(cause, seen));
    }

    /** The failure's class, and for SQL errors their state and code ("SQLIntegrityConstraintViolationException, SQL state 23000, error 1062"). */
    public static String describe(Throwable failure) {
        String name = failure.getClass().getName();
        if (failure instanceof SQLException sql) {
            return name + " (SQL state " + sql.getSQLState() + ", error " + sql.getErrorCode() + ")";
        }
        return name;
    }

    @Override
    public String toString() {
        return getMessage(); // the original class name, without this wrapper's
    }
}
