package org.clinic.security.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.PermitAll;
import org.clinic.security.CurrentPatient;
import org.clinic.security.Role;

/**
 * The start address, and where sign-in lands (its default target is this address): sends each account to the
 * screen its work starts on. An account with several roles gets the first that applies, most specific first:
 * <ol>
 *     <li>a patient signed in to the portal: the portal's home (a patient opens portal screens only);</li>
 *     <li>a waiting-room display: its setup page; a check-in kiosk: self check-in (a device is nothing else);</li>
 *     <li>a doctor: their own queue (a doctor who also administers or covers the desk still sees patients all
 *     day);</li>
 *     <li>a receptionist: the reception dashboard (arrivals and every doctor's queue);</li>
 *     <li>an administrator: the statistics dashboard;</li>
 *     <li>anyone else signed in: the patient registry.</li>
 * </ol>
 * The routes are named here, not imported: this module comes before the ones whose screens it opens.
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
        event.forwardTo(firstScreen());
    }

    private String firstScreen() {
        if (authentication.hasRole(CurrentPatient.ROLE_NAME)) {
            return "portal/home";
        }
        if (authentication.hasRole(Role.DISPLAY_NAME)) {
            return "device";
        }
        if (authentication.hasRole(Role.KIOSK_NAME)) {
            return "kiosk";
        }
        if (authentication.hasRole(Role.DOCTOR_NAME)) {
            return "my-queue";
        }
        if (authentication.hasRole(Role.RECEPTIONIST_NAME)) {
            return "queue";
        }
        return authentication.hasRole(Role.ADMIN_NAME) ? "dashboard" : "patients";
    }
}
