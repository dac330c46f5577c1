package org.clinic.testing;

import org.clinic.ClinicApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.security.core.context.SecurityContext;
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
 * Vaadin points the JVM-wide {@link SecurityContextHolder} at its own strategy bean when a context starts, and each
 * context's method security reads its own bean: two contexts in one JVM would then disagree on who is signed in (a
 * separate JVM per node, as in production, has no such problem). Starting this node puts the first node's strategy
 * back, and this node's method security is given a strategy that reads the JVM-wide holder, so both nodes see the
 * same signed-in person on a thread, whoever set it ({@code SystemAuthentication}, a screen's viewer, a session).
 */
public final class SecondNode implements AutoCloseable {

    private static final String LOGGING_SYSTEM = "org.springframework.boot.logging.LoggingSystem";
    /** The first node's strategy, which the JVM-wide holder is pointed back at and this node's security reads. */
    private static volatile SecurityContextHolderStrategy firstNodes = SecurityContextHolder.getContextHolderStrategy();

    private final ConfigurableApplicationContext context;

    private SecondNode(ConfigurableApplicationContext context) {
        this.context = context;
    }

    /** Starts the node with the application's own configuration plus these properties (server.port=0 unless given). */
    public static SecondNode start(Map<String, ?> properties) {
        Map<String, Object> all = new LinkedHashMap<>();
        all.put("server.port", "0");
        all.put("spring.main.banner-mode", "off");
        all.putAll(properties);
        SecurityContextHolderStrategy first = SecurityContextHolder.getContextHolderStrategy();
        firstNodes = first;
        String loggingBefore = System.getProperty(LOGGING_SYSTEM);
        // The first node configured logging for the JVM; a second start would reset it (and any test appenders).
        System.setProperty(LOGGING_SYSTEM, "none");
        try {
            // as command-line arguments: they win over application.properties (default properties would not)
            String[] arguments = all.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue())
                    .toArray(String[]::new);
            return new SecondNode(new SpringApplicationBuilder(ClinicApplication.class, SharedSecurityContext.class)
                    .run(arguments));
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
        return work.get();
    }

    /**
     * For this node only (a source of its application, not a scanned configuration): its method security and
     * anything else asking for the strategy use the first node's, which the JVM-wide holder points at; it reads a
     * Vaadin session first, whichever node's, as Vaadin's own strategy does.
     */
    static class SharedSecurityContext {

        @Bean
        @Primary
        SecurityContextHolderStrategy jvmWideSecurityContext() {
            return new SecurityContextHolderStrategy() {
                @Override
                public void clearContext() {
                    firstNodes.clearContext();
                }

                @Override
                public SecurityContext getContext() {
                    return firstNodes.getContext();
                }

                @Override
                public void setContext(SecurityContext context) {
                    firstNodes.setContext(context);
                }

                @Override
                public SecurityContext createEmptyContext() {
                    return firstNodes.createEmptyContext();
                }
            };
        }
    }

    @Override
    public void close() {
        SecurityContextHolderStrategy before = SecurityContextHolder.getContextHolderStrategy();
        context.close();
        SecurityContextHolder.setContextHolderStrategy(before);
    }
}
