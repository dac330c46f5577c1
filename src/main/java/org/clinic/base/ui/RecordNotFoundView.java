package org.clinic.base.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import jakarta.servlet.http.HttpServletResponse;
import org.clinic.base.NotFoundException;

/** A well-formed address whose record (a patient, an account) does not exist, or an id that is not an id. */
@AnonymousAllowed
public class RecordNotFoundView extends Div implements HasErrorParameter<NotFoundException> {

    private final ErrorPage page = new ErrorPage();

    public RecordNotFoundView() {
        add(page);
    }

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<NotFoundException> parameter) {
        page.show(VaadinIcon.SEARCH_MINUS, "Not found", parameter.getException().getMessage()
                + ". Check the address, or find the record through search.");
        event.getUI().getPage().setTitle("Not found · Clinic");
        return HttpServletResponse.SC_NOT_FOUND;
    }
}
