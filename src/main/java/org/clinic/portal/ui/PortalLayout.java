package org.clinic.portal.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasElement;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Footer;
import com.vaadin.flow.component.html.Header;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.router.RouterLayout;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import com.vaadin.flow.spring.security.AuthenticationContext;
import org.clinic.base.ClinicIdentitySource;
import org.clinic.security.CurrentPatient;

/**
 * The frame of every portal page, phone first: the clinic's name as the settings give it now (home when signed in),
 * and "Sign out" for a signed-in patient; one column, large type and touch targets. Nothing of the staff frame.
 */
@AnonymousAllowed // the frame shows no data; each portal page says who may open it
@StyleSheet("styles/portal.css")
public class PortalLayout extends Div implements RouterLayout {

    private final Main content = new Main();

    public PortalLayout(AuthenticationContext authentication, ClinicIdentitySource clinic) {
        addClassName("portal");
        String clinicName = clinic.current().name();
        boolean patient = authentication.hasRole(CurrentPatient.ROLE_NAME);

        Span mark = new Span(new Icon(VaadinIcon.PLUS_SQUARE_O));
        mark.addClassName("portal-mark");
        Span name = new Span(clinicName);
        name.addClassName("portal-clinic-name");
        Component brand = patient ? new RouterLink("", PortalHomeView.class) : new Div();
        ((HasElement) brand).getElement().appendChild(mark.getElement(), name.getElement());
        ((Component) brand).addClassName("portal-brand");

        Header header = new Header(brand);
        header.addClassName("portal-header");
        if (patient) {
            Button signOut = new Button("Sign out", new Icon(VaadinIcon.SIGN_OUT), click -> authentication.logout());
            signOut.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
            signOut.setId("portal-sign-out");
            signOut.addClassName("portal-sign-out");
            header.add(signOut);
        }
        content.addClassName("portal-content");
        Footer footer = new Footer(new Span(clinicName + " · patient portal"));
        footer.addClassName("portal-footer");
        add(header, content, footer);
    }

    @Override
    public void showRouterLayoutContent(HasElement view) {
        content.getElement().removeAllChildren();
        if (view != null) {
            content.getElement().appendChild(view.getElement());
        }
    }
}
