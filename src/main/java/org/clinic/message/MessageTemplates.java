package org.clinic.message;

import org.clinic.base.ClinicIdentity;
import org.clinic.base.ClinicIdentitySource;
import org.springframework.stereotype.Component;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Renders a message's plain text and HTML from its kind's templates ({@code mail/<kind>.txt} and
 * {@code mail/<kind>.html}, Thymeleaf). Every template gets the clinic's name, address and phone; values are
 * escaped in HTML, so a name with markup stays text.
 */
@Component
class MessageTemplates {

    private final TemplateEngine text = engine(TemplateMode.TEXT, ".txt");
    private final TemplateEngine html = engine(TemplateMode.HTML, ".html");
    private final ClinicIdentitySource clinic;

    MessageTemplates(ClinicIdentitySource clinic) {
        this.clinic = clinic;
    }

    Rendered render(MessageKind kind, String subject, Map<String, ?> model) {
        Map<String, Object> variables = new HashMap<>(model);
        ClinicIdentity identity = clinic.current(); // as set on the settings screen at the moment of writing
        variables.put("clinicName", identity.name());
        variables.put("clinicAddress", identity.address());
        variables.put("clinicPhone", identity.phone());
        variables.put("subject", subject);
        Context context = new Context(Locale.UK, variables);
        return new Rendered(text.process(kind.template(), context).strip() + "\n", html.process(kind.template(), context));
    }

    record Rendered(String text, String html) {
    }

    private static TemplateEngine engine(TemplateMode mode, String suffix) {
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
        resolver.setPrefix("mail/");
        resolver.setSuffix(suffix);
        resolver.setTemplateMode(mode);
        resolver.setCharacterEncoding("UTF-8");
        resolver.setCacheable(true);
        TemplateEngine engine = new TemplateEngine();
        engine.setTemplateResolver(resolver);
        return engine;
    }
}
