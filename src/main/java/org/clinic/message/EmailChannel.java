package org.clinic.message;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.clinic.base.QrCode;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.web.util.HtmlUtils;
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
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Email over SMTP through Spring's mail sender: plain text and HTML alternatives, from the clinic's address. A
 * message whose HTML shows the visit QR code ({@code cid:visit-qr}) gets it as an inline PNG, drawn at sending time
 * from the visit link the message itself prints.
 */
@Component
class EmailChannel implements MessageChannel {

    static final String VISIT_QR = "visit-qr";
    private static final Pattern VISIT_LINK = Pattern.compile("id=\"visit-link\" href=\"([^\"]+)\"");

    private final ObjectProvider<JavaMailSender> mailSenders;
    private final MessageSettings settings;
    private final org.clinic.base.ClinicIdentitySource clinic;

    EmailChannel(ObjectProvider<JavaMailSender> mailSenders, MessageSettings settings,
                 org.clinic.base.ClinicIdentitySource clinic) {
        this.clinic = clinic;
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
        helper.setFrom(new InternetAddress(settings.from(), clinic.current().name(), "UTF-8"));
        helper.setTo(new InternetAddress(message.recipient(), message.recipientName(), "UTF-8"));
        helper.setSubject(message.subject());
        helper.setText(message.text(), message.html());
        String visitLink = visitLinkIn(message.html());
        if (visitLink != null) {
            // The QR code the HTML shows (cid:visit-qr), drawn from the link the same message prints.
            helper.addInline(VISIT_QR, new ByteArrayResource(QrCode.of(visitLink).png(6)), "image/png");
        }
        mime.setHeader("X-Clinic-Message", message.publicId().toString());
        return mime;
    }

    /** The visit link of a message that shows its QR code, or {@code null}. */
    static @Nullable String visitLinkIn(String html) {
        if (!html.contains("cid:" + VISIT_QR)) {
            return null;
        }
        Matcher link = VISIT_LINK.matcher(html);
        return link.find() ? HtmlUtils.htmlUnescape(link.group(1)) : null;
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
