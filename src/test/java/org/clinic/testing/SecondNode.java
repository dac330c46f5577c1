package org.clinic.testing;

import org.clinic.ClinicApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * A second node of the clinic in the test's JVM: the whole application again, on its own loopback port, sharing the
 * one embedded MariaDB and mail server of the JVM (and whatever else the given properties point it at, such as a
 * Redis server). The test's own Spring context is the first node.
 * <p>
 * Vaadin points the JVM-wide {@link SecurityContextHolder} at its own strategy when a context starts: starting this
 * node puts the first node's strategy back, and {@link #call} runs work against this node's services under its own.
 */
public final class SecondNode implements AutoCloseable {

    private static final String LOGGING_SYSTEM = "org.springframework.boot.logging.LoggingSystem";

    private final ConfigurableApplicationContext context;
    private final SecurityContextHolderStrategy strategy;

    private SecondNode(ConfigurableApplicationContext context) {
        this.context = context;
        this.strategy = context.getBean(SecurityContextHolderStrategy.class);
    }

    /** Starts the node with the application's own configuration plus these properties (server.port=0 unless given). */
    public static SecondNode start(Map<String, ?> properties) {
        Map<String, Object> all = new LinkedHashMap<>();
        all.put("server.port", "0");
        all.put("spring.main.banner-mode", "off");
        all.putAll(properties);
        SecurityContextHolderStrategy first = SecurityContextHolder.getContextHolderStrategy();
        String loggingBefore = System.getProperty(LOGGING_SYSTEM);
        // The first node configured logging for the JVM; a second start would reset it (and any test appenders).
        System.setProperty(LOGGING_SYSTEM, "none");
        try {
            // as command-line arguments: they win over application.properties (default properties would not)
            String[] arguments = all.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue())
                    .toArray(String[]::new);
            return new SecondNode(new SpringApplicationBuilder(ClinicApplication.class).run(arguments));
        } finally {
            if (loggingBefore == null) {
                System.clearProperty(LOGGING_SYSTEM);
            } else {
                System.setProperty(LOGGING_SYSTEM, loggingBefore);
            }
            SecurityContextHolder.setContextHolderStrategy(first);
        }
    }

    public int port() {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    public <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    public ConfigurableApplicationContext context() {
        return context;
    }

    /** Runs work on this node's services (e.g. {@code SystemAuthentication.runAs(...)} inside). */
    public <T> T call(Supplier<T> work) {
        SecurityContextHolderStrategy before = SecurityContextHolder.getContextHolderStrategy();
        SecurityContextHolder.setContextHolderStrategy(strategy);
        try {
            return work.get();
        } finally {
            SecurityContextHolder.setContextHolderStrategy(before);
        }
    }

    @Override
    public void close() {
        SecurityContextHolderStrategy before = SecurityContextHolder.getContextHolderStrategy();
        context.close();
        SecurityContextHolder.setContextHolderStrategy(before);
    }
}
