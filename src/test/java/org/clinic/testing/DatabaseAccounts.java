package org.clinic.testing;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

import java.sql.SQLException;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/** The schema owner's account (the one Flyway migrates as) next to the application's, and how refusals look. */
public final class DatabaseAccounts {

    /** MariaDB's "command denied" for a table, for a column, and "access denied" for a database. */
    public static final List<Integer> DENIED = List.of(1142, 1143, 1044, 1227);
    /** MariaDB's error code for a trigger's SIGNAL SQLSTATE '45000'. */
    public static final int SIGNALLED = 1644;

    private DatabaseAccounts() {
    }

    /** A connection as the schema owner, from the same settings the application's Flyway uses. */
    public static JdbcClient owner(Environment environment) {
        return JdbcClient.create(new SimpleDriverDataSource(new org.mariadb.jdbc.Driver(),
                environment.getRequiredProperty("spring.datasource.url"),
                environment.getRequiredProperty("spring.flyway.user"),
                environment.getProperty("spring.flyway.password", "")));
    }

    /** Runs a statement that must fail, and returns the database's refusal. */
    public static SQLException refusal(ThrowingCallable statement) {
        Throwable failure = catchThrowable(statement);
        assertThat(failure).as("the statement was refused").isNotNull();
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql) {
                return sql;
            }
        }
        throw new AssertionError("Refused, but not by the database", failure);
    }

    /** Runs a statement that the database must refuse for lack of a privilege. */
    public static void denied(ThrowingCallable statement, String what) {
        SQLException refusal = refusal(statement);
        assertThat(refusal.getErrorCode()).as("%s: %s", what, refusal.getMessage()).isIn(DENIED);
    }
}
