package org.clinic.message;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;

import java.io.IOException;

/** The plain-text and HTML parts of a received message, decoded. */
final class MailText {

    private MailText() {
    }

    static String of(MimeMessage message) {
        return part(message, "text/plain");
    }

    static String html(MimeMessage message) {
        return part(message, "text/html");
    }

    private static String part(Part part, String type) {
        try {
            if (part.isMimeType(type)) {
                return part.getContent().toString();
            }
            if (part.getContent() instanceof Multipart multipart) {
                for (int i = 0; i < multipart.getCount(); i++) {
                    BodyPart body = multipart.getBodyPart(i);
                    String found = part(body, type);
                    if (!found.isEmpty()) {
                        return found;
                    }
                }
            }
            return "";
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
