package org.clinic.message;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.clinic.base.EmbeddedMailServer;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/** What actually arrived at the embedded SMTP server, for one recipient address (tests use unique addresses). */
public final class MailBox {

    private MailBox() {
    }

    public static List<MimeMessage> of(String address) {
        GreenMail server = EmbeddedMailServer.running().greenMail();
        if (server == null) {
            return List.of();
        }
        return Arrays.stream(server.getReceivedMessages()).filter(m -> addressedTo(m, address)).toList();
    }

    /** Waits until {@code count} messages have arrived for the address (or the time is up), then returns them all. */
    public static List<MimeMessage> await(String address, int count, Duration atMost) throws InterruptedException {
        long deadline = System.nanoTime() + atMost.toNanos();
        List<MimeMessage> messages = of(address);
        while (messages.size() < count && System.nanoTime() < deadline) {
            Thread.sleep(50);
            messages = of(address);
        }
        return messages;
    }

    private static boolean addressedTo(MimeMessage message, String address) {
        try {
            return message.getRecipients(Message.RecipientType.TO) != null
                    && Arrays.stream(message.getRecipients(Message.RecipientType.TO))
                    .anyMatch(a -> a.toString().contains(address));
        } catch (MessagingException e) {
            return false;
        }
    }
}
