package org.clinic.base.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import jakarta.servlet.http.HttpServletResponse;

/** Failures while opening a page: the database away, a refused permission, or anything unexpected. */
@AnonymousAllowed
public class ProblemView extends Div implements HasErrorParameter<Exception> {

    private final ErrorPage page = new ErrorPage();

    public ProblemView() {
        add(page);
    }

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<Exception> parameter) {
        Exception failure = parameter.getException();
        String message = ClinicErrorHandler.messageFor(failure);
        event.getUI().getPage().setTitle("Problem · Clinic");
        if (ClinicErrorHandler.isDatabaseUnavailable(failure)) {
            page.show(VaadinIcon.PLUG, "Database unavailable", message);
            return HttpServletResponse.SC_SERVICE_UNAVAILABLE;
        }
        if (message.startsWith("You are not allowed")) {
            page.show(VaadinIcon.LOCK, "Not allowed", "Your role does not open this page.");
            return HttpServletResponse.SC_FORBIDDEN;
        }
        page.show(VaadinIcon.WARNING, "Something went wrong", message);
        return HttpServletResponse.SC_INTERNAL_SERVER_ERROR;
    }
}
