package org.clinic.message;

import jakarta.mail.internet.MimeMessage;
import org.clinic.security.Role;
import org.clinic.security.SystemAuthentication;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest
class OutboxDeliveryTest {

    @Autowired
    Outbox outbox;
    @Autowired
    JdbcClient jdbc;

    @Test
    void a_queued_message_arrives_once_over_real_smtp_with_text_and_html() throws Exception {
        String address = "dr." + UUID.randomUUID().toString().substring(0, 8) + "@clinic.example.org";
        MessageRequest request = new MessageRequest(MessageKind.REPORT_READY, "test:" + address,
                Recipient.staff("Dr Mei Chen", address), "Your report for November 2026",
                Map.of("recipientName", "Dr Mei Chen", "month", "November 2026"), null);

        boolean first = SystemAuthentication.runAs(Role.ADMIN, () -> outbox.queue(request));
        boolean second = SystemAuthentication.runAs(Role.ADMIN, () -> outbox.queue(request));

        assertThat(first).isTrue();
        assertThat(second).as("the same dedup key queues nothing more").isFalse();
        List<MimeMessage> received = MailBox.await(address, 1, Duration.ofSeconds(20));
        assertThat(received).hasSize(1);
        assertThat(received.getFirst().getSubject()).isEqualTo("Your report for November 2026");
        String raw = new String(received.getFirst().getRawInputStream().readAllBytes());
        assertThat(received.getFirst().getContentType()).contains("multipart");
        Thread.sleep(300);
        assertThat(MailBox.of(address)).hasSize(1);
        assertThat(jdbc.sql("SELECT state FROM outbox_message WHERE dedup_key = :k").param("k", "test:" + address)
                .query(String.class).single()).isEqualTo("SENT");
    }
}
