package org.clinic.base.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import jakarta.servlet.http.HttpServletResponse;

/** Unknown addresses, and addresses the signed-in role may not open (their existence is not revealed). */
@AnonymousAllowed
public class NotFoundView extends Div implements HasErrorParameter<NotFoundException> {

    private final ErrorPage page = new ErrorPage();

    public NotFoundView() {
        add(page);
    }

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<NotFoundException> parameter) {
        page.show(VaadinIcon.QUESTION_CIRCLE_O, "Page not found",
                "There is no page at this address, or your role does not open it.");
        event.getUI().getPage().setTitle("Not found · Clinic");
        return HttpServletResponse.SC_NOT_FOUND;
    }
}
