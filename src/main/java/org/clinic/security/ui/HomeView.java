package org.clinic.security.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.PermitAll;
import org.clinic.security.Role;

/**
 * The start address: sends each role to its own first screen (administrators to the dashboard, other staff to the
 * registry, a TV to its display, a kiosk to self check-in, a patient to the portal).
 */
@Route(value = "", autoLayout = false)
@PermitAll
public class HomeView extends Div implements BeforeEnterObserver {

    private final AuthenticationContext authentication;

    public HomeView(AuthenticationContext authentication) {
        this.authentication = authentication;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        if (authentication.hasRole(org.clinic.security.CurrentPatient.ROLE_NAME)) {
            event.forwardTo("portal/home"); // a patient signed in to the portal sees portal screens only
            return;
        }
        event.forwardTo(authentication.hasRole(Role.DISPLAY_NAME) ? "device"
                : authentication.hasRole(Role.KIOSK_NAME) ? "kiosk"
                : authentication.hasRole(Role.ADMIN_NAME) ? "dashboard" : "patients");
    }
}
