package org.clinic.base;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.Profiles;
import org.springframework.util.ClassUtils;
import org.springframework.util.StringUtils;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Configures the mail sender from the clinic's own variables: {@code CLINIC_MAIL_HOST}, {@code _PORT},
 * {@code _USERNAME}, {@code _PASSWORD} and {@code _TLS} ({@code starttls}, the default; {@code ssl}; or
 * {@code none}). Without a host, outside the {@code prod} profile and with GreenMail on the class path
 * ({@code spring-boot:run}, tests), a real SMTP server is started on loopback instead. Without a host in
 * production no mail sender exists: messages wait in the outbox until one is configured.
 */
public class MailEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

    private static final String GREENMAIL = "com.icegreen.greenmail.util.GreenMail";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        Map<String, Object> mail = new HashMap<>();
        String host = environment.getProperty("clinic.mail.host");
        if (StringUtils.hasText(host)) {
            mail.put("spring.mail.host", host);
            copy(environment, "clinic.mail.port", "spring.mail.port", mail);
            copy(environment, "clinic.mail.username", "spring.mail.username", mail);
            copy(environment, "clinic.mail.password", "spring.mail.password", mail);
            if (mail.containsKey("spring.mail.username")) {
                mail.put("spring.mail.properties.mail.smtp.auth", "true");
            }
            switch (environment.getProperty("clinic.mail.tls", "starttls").toLowerCase(Locale.ROOT)) {
                case "ssl" -> mail.put("spring.mail.properties.mail.smtp.ssl.enable", "true");
                case "none" -> mail.put("spring.mail.properties.mail.smtp.starttls.enable", "false");
                default -> {
                    mail.put("spring.mail.properties.mail.smtp.starttls.enable", "true");
                    mail.put("spring.mail.properties.mail.smtp.starttls.required", "true");
                }
            }
        } else if (!StringUtils.hasText(environment.getProperty("spring.mail.host"))
                && environment.getProperty("clinic.embedded-mail.enabled", Boolean.class, true)
                && !environment.acceptsProfiles(Profiles.of("prod"))
                && ClassUtils.isPresent(GREENMAIL, getClass().getClassLoader())) {
            EmbeddedMailServer server = EmbeddedMailServer.startOnce();
            mail.put("spring.mail.host", "127.0.0.1");
            mail.put("spring.mail.port", String.valueOf(server.port()));
        }
        if (!mail.isEmpty()) {
            environment.getPropertySources().addFirst(new MapPropertySource("clinicMail", mail));
        }
    }

    private static void copy(ConfigurableEnvironment environment, String from, String to, Map<String, Object> into) {
        String value = environment.getProperty(from);
        if (StringUtils.hasText(value)) {
            into.put(to, value);
        }
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
