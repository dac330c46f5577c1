package org.clinic.security.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.RolesAllowed;
import org.clinic.security.Role;

/**
 * Where a device signed in with a DISPLAY account lands. It shows no patient data: the waiting-room board that
 * shows tokens and rooms is part of the queue.
 */
@Route(value = "device", autoLayout = false)
@PageTitle("Waiting-room display · Clinic")
@RolesAllowed(Role.DISPLAY_NAME)
public class DisplayDeviceView extends Main {

    public DisplayDeviceView(AuthenticationContext authentication) {
        addClassName("clinic-login");
        Span mark = new Span(new Icon(VaadinIcon.DESKTOP));
        mark.addClassName("clinic-brand-mark");
        H1 title = new H1("Waiting-room display");
        Paragraph text = new Paragraph("This screen is signed in as a display device. It shows tokens and rooms "
                + "only, never names or clinical details, once the clinic's live queue is in use.");
        text.addClassName("clinic-login-tagline");
        Button signOut = new Button("Sign this device out", click -> authentication.logout());
        Div card = new Div(mark, title, text, signOut);
        card.addClassName("clinic-login-card");
        add(card);
    }
}
