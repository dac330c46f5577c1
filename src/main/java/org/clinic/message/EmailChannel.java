package org.clinic.message;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.MailException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

import java.io.UnsupportedEncodingException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/** Email over SMTP through Spring's mail sender: plain text and HTML alternatives, from the clinic's address. */
@Component
class EmailChannel implements MessageChannel {

    private final ObjectProvider<JavaMailSender> mailSenders;
    private final MessageSettings settings;

    EmailChannel(ObjectProvider<JavaMailSender> mailSenders, MessageSettings settings) {
        this.mailSenders = mailSenders;
        this.settings = settings;
    }

    @Override
    public String name() {
        return "EMAIL";
    }

    @Override
    public boolean available() {
        return mailSenders.getIfAvailable() != null;
    }

    @Override
    public Map<Long, String> deliver(List<OutboxStore.Claimed> batch) {
        JavaMailSender mail = mailSenders.getObject();
        Map<Long, String> failed = new HashMap<>();
        Map<MimeMessage, OutboxStore.Claimed> built = new IdentityHashMap<>();
        List<MimeMessage> messages = new ArrayList<>();
        for (OutboxStore.Claimed message : batch) {
            try {
                MimeMessage mime = build(mail, message);
                built.put(mime, message);
                messages.add(mime);
            } catch (MessagingException | UnsupportedEncodingException e) {
                failed.put(message.id(), describe(e));
            }
        }
        if (messages.isEmpty()) {
            return failed;
        }
        try {
            mail.send(messages.toArray(MimeMessage[]::new)); // one SMTP connection for the whole batch
        } catch (MailSendException e) {
            if (e.getFailedMessages().isEmpty()) {
                messages.forEach(m -> failed.put(built.get(m).id(), describe(e)));
            }
            e.getFailedMessages().forEach((message, cause) -> {
                OutboxStore.Claimed claimed = built.get(message);
                if (claimed != null) {
                    failed.put(claimed.id(), describe(cause));
                }
            });
        } catch (MailException e) { // authentication or connection: nothing went
            messages.forEach(m -> failed.put(built.get(m).id(), describe(e)));
        }
        return failed;
    }

    private MimeMessage build(JavaMailSender mail, OutboxStore.Claimed message)
            throws MessagingException, UnsupportedEncodingException {
        MimeMessage mime = mail.createMimeMessage();
        MimeMessageHelper helper = new MimeMessageHelper(mime, true, "UTF-8");
        helper.setFrom(new InternetAddress(settings.from(), settings.clinicName(), "UTF-8"));
        helper.setTo(new InternetAddress(message.recipient(), message.recipientName(), "UTF-8"));
        helper.setSubject(message.subject());
        helper.setText(message.text(), message.html());
        mime.setHeader("X-Clinic-Message", message.publicId().toString());
        return mime;
    }

    /** The innermost cause, which names what went wrong ("Connection refused", "550 mailbox unavailable"). */
    private static String describe(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        String text = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        return text.strip().replaceAll("\\s+", " ");
    }
}
