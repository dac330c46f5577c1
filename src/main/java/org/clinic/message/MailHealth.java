package org.clinic.message;

import jakarta.mail.MessagingException;
import org.clinic.base.operations.Redacted;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;

/**
 * {@code mail} in /actuator/health: whether the mail server answers. Never fatal: while it is away messages wait in
 * the outbox and are sent once it is back, so the node stays ready (readiness does not include it) and the overall
 * status says {@link #DEGRADED} (HTTP 200), not DOWN. The server is asked at most every half minute, however often
 * health is asked (it is public).
 */
@Component("mailHealthIndicator") // shown as "mail", in place of Spring Boot's, which would say DOWN
class MailHealth implements HealthIndicator {

    /** Works, with a part missing (application.properties orders it between DOWN and UP). */
    static final Status DEGRADED = new Status("DEGRADED");
    private static final Duration KEEP = Duration.ofSeconds(30);

    private final ObjectProvider<JavaMailSender> senders;
    private volatile Health last = Health.unknown().build();
    private volatile Instant askedAt = Instant.EPOCH;

    MailHealth(ObjectProvider<JavaMailSender> senders) {
        this.senders = senders;
    }

    @Override
    public Health health() {
        Instant now = Instant.now();
        if (now.isBefore(askedAt.plus(KEEP))) {
            return last;
        }
        Health asked = ask();
        last = asked;
        askedAt = now;
        return asked;
    }

    private Health ask() {
        JavaMailSender sender = senders.getIfAvailable();
        if (sender == null) {
            return Health.status(DEGRADED).withDetail("server", "none configured (CLINIC_MAIL_HOST)")
                    .withDetail("messages", "wait in the outbox").build();
        }
        if (!(sender instanceof JavaMailSenderImpl smtp)) {
            return Health.up().build();
        }
        String server = smtp.getHost() + ":" + smtp.getPort();
        try {
            smtp.testConnection();
            return Health.up().withDetail("server", server).build();
        } catch (MessagingException | RuntimeException e) {
            return Health.status(DEGRADED).withDetail("server", server).withDetail("error", Redacted.describe(e))
                    .withDetail("messages", "wait in the outbox").build();
        }
    }
}
