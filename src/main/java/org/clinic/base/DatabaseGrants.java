package org.clinic.base;

import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * After every Flyway migration, run as the schema owner, gives the application's database user exactly the rights
 * the schema asks for, table by table: SELECT and INSERT on tables commented {@value #AUDIT} (plus UPDATE of their
 * columns commented "updatable: …"), SELECT, INSERT, UPDATE and DELETE on the other tables, SELECT on views, nothing
 * on Flyway's history and no DDL. Read from the schema itself, so the tables of later migrations get the right
 * grants without anyone remembering to write them.
 * <p>
 * Does nothing when Flyway and the application use the same account (an installation from before the two users):
 * there the audit tables are protected by their triggers alone.
 *
 * @see "docs/adr/0009-two-database-users-and-append-only-audit.md"
 */
@Component
class DatabaseGrants implements Callback {

    /** The comment that marks an append-only audit table (with triggers refusing UPDATE and DELETE). */
    static final String AUDIT = "append-only audit";
    /** The host part of the application's account, e.g. {@code %} or {@code 127.0.0.1}. */
    static final String APP_HOST = "clinic.database.app-host";
    private static final String UPDATABLE = "updatable:";
    private static final Logger log = LoggerFactory.getLogger(DatabaseGrants.class);

    private final String appUser;
    private final String appHost;
    private final String ownerUser;

    DatabaseGrants(@Value("${spring.datasource.username:}") String appUser,
                   @Value("${" + APP_HOST + ":%}") String appHost,
                   @Value("${spring.flyway.user:}") String ownerUser) {
        this.appUser = appUser;
        this.appHost = appHost;
        this.ownerUser = ownerUser;
    }

    @Override
    public boolean supports(Event event, Context context) {
        return event == Event.AFTER_MIGRATE;
    }

    @Override
    public boolean canHandleInTransaction(Event event, Context context) {
        return true;
    }

    @Override
    public String getCallbackName() {
        return "grants of the application's database user";
    }

    @Override
    public void handle(Event event, Context context) {
        if (appUser.isBlank() || ownerUser.isBlank() || appUser.equals(ownerUser)) {
            log.warn("Flyway and the application use one database account: audit tables are protected by their "
                    + "triggers only. Give Flyway its own account (spring.flyway.user) to restrict the application.");
            return;
        }
        String grantee = literal(appUser) + "@" + literal(appHost);
        String history = context.getConfiguration().getTable();
        try (Statement sql = context.getConnection().createStatement()) {
            Map<String, List<String>> updatable = updatableColumns(context.getConnection());
            for (Table table : tables(context.getConnection())) {
                if (table.name().equalsIgnoreCase(history)) {
                    continue;
                }
                String on = " ON " + identifier(table.name()) + " ";
                if (table.view()) {
                    sql.execute("GRANT SELECT" + on + "TO " + grantee);
                } else if (AUDIT.equals(table.comment())) {
                    sql.execute("GRANT SELECT, INSERT" + on + "TO " + grantee);
                    // a table that became an audit table, or an older grant: take back what audit rows must not get
                    sql.execute("REVOKE UPDATE, DELETE" + on + "FROM " + grantee);
                    for (String column : updatable.getOrDefault(table.name(), List.of())) {
                        sql.execute("GRANT UPDATE (" + identifier(column) + ")" + on + "TO " + grantee);
                    }
                } else {
                    sql.execute("GRANT SELECT, INSERT, UPDATE, DELETE" + on + "TO " + grantee);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not grant the application's database user " + grantee
                    + " its rights; does the Flyway user " + ownerUser + " hold them WITH GRANT OPTION?", e);
        }
    }

    private record Table(String name, boolean view, String comment) {
    }

    private static List<Table> tables(Connection connection) throws SQLException {
        List<Table> tables = new ArrayList<>();
        try (Statement sql = connection.createStatement();
             ResultSet rows = sql.executeQuery("SELECT table_name, table_type, table_comment"
                     + " FROM information_schema.tables WHERE table_schema = DATABASE() ORDER BY table_name")) {
            while (rows.next()) {
                tables.add(new Table(rows.getString(1), "VIEW".equals(rows.getString(2)), rows.getString(3)));
            }
        }
        return tables;
    }

    private static Map<String, List<String>> updatableColumns(Connection connection) throws SQLException {
        Map<String, List<String>> columns = new HashMap<>();
        try (Statement sql = connection.createStatement();
             ResultSet rows = sql.executeQuery("SELECT table_name, column_name FROM information_schema.columns"
                     + " WHERE table_schema = DATABASE() AND column_comment LIKE '" + UPDATABLE + "%'")) {
            while (rows.next()) {
                columns.computeIfAbsent(rows.getString(1), t -> new ArrayList<>()).add(rows.getString(2));
            }
        }
        return columns;
    }

    private static String identifier(String name) {
        return "`" + name.replace("`", "``") + "`";
    }

    private static String literal(String text) {
        return "'" + text.replace("\\", "\\\\").replace("'", "''") + "'";
    }
}
