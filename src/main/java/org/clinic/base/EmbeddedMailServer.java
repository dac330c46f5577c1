package org.clinic.base;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;

/**
 * A real SMTP server (GreenMail) on loopback, one per JVM, for {@code spring-boot:run} and the tests: mail flows
 * through real SMTP with nothing to install. Only referenced when GreenMail is on the class path, which the
 * production jar is not; production points {@code spring.mail.*} at the clinic's own mail server.
 */
public final class EmbeddedMailServer {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedMailServer.class);
    private static EmbeddedMailServer instance;

    private final int port;
    private GreenMail greenMail;

    private EmbeddedMailServer(int port) {
        this.port = port;
    }

    /** Starts the server on first call; later calls return the running one. */
    public static synchronized EmbeddedMailServer startOnce() {
        if (instance == null) {
            instance = new EmbeddedMailServer(freePort());
            instance.start();
            log.info("Embedded SMTP server (GreenMail) listening on 127.0.0.1:{}", instance.port);
        }
        return instance;
    }

    /** The running server, if this JVM started one (tests read what arrived, and stop and start it). */
    public static synchronized EmbeddedMailServer running() {
        if (instance == null) {
            throw new IllegalStateException("No embedded SMTP server was started in this JVM");
        }
        return instance;
    }

    public int port() {
        return port;
    }

    /** The server itself, to read what actually arrived. */
    public synchronized GreenMail greenMail() {
        return greenMail;
    }

    /** Stops accepting mail, as a mail server that is down would (the port refuses connections). */
    public synchronized void stop() {
        if (greenMail != null) {
            greenMail.stop();
            greenMail = null;
        }
    }

    /** Starts again on the same port; what arrived before the stop is gone, as with a fresh server. */
    public synchronized void start() {
        if (greenMail == null) {
            greenMail = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
            greenMail.start();
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
