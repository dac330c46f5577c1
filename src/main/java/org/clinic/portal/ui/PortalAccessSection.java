package org.clinic.portal.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.spring.security.AuthenticationContext;
import org.clinic.base.ClinicSettings;
import org.clinic.base.RuleViolation;
import org.clinic.base.ui.FieldMessages;
import org.clinic.patient.PatientRecordSection;
import org.clinic.portal.Invitation;
import org.clinic.portal.PortalAccess;
import org.clinic.portal.PortalAccessService;
import org.clinic.security.Role;
import org.springframework.core.annotation.Order;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.UUID;

/**
 * The patient record's "Patient portal" part, for reception and administrators: whether the patient has portal
 * access (since when, with which email address), an invitation code to hand out (shown once), and revoking access.
 */
@org.springframework.stereotype.Component
@Order(5)
class PortalAccessSection implements PatientRecordSection {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.UK);

    private final PortalAccessService access;
    private final AuthenticationContext authentication;
    private final ClinicSettings clinic;

    PortalAccessSection(PortalAccessService access, AuthenticationContext authentication, ClinicSettings clinic) {
        this.access = access;
        this.authentication = authentication;
        this.clinic = clinic;
    }

    @Override
    public Component render(UUID patientId) {
        Div section = new Div();
        section.setId("portal-access");
        if (!authentication.hasAnyRole(Role.RECEPTIONIST_NAME, Role.ADMIN_NAME)) {
            section.setVisible(false);
            return section;
        }
        section.addClassName("clinic-card");
        fill(section, patientId);
        return section;
    }

    private void fill(Div section, UUID patientId) {
        section.removeAll();
        PortalAccess now = access.accessOf(patientId);
        Span status = new Span();
        status.setId("portal-access-status");
        Div actions = new Div();
        actions.addClassName("portal-access-actions");
        if (now.hasAccess()) {
            status.setText("Has portal access since " + day(now.since()) + ", signs in as " + now.email());
            Button revoke = new Button("Revoke access", VaadinIcon.BAN.create());
            revoke.setId("revoke-portal-access");
            revoke.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
            revoke.addClickListener(click -> {
                ConfirmDialog confirm = new ConfirmDialog("Revoke portal access?", "The patient is signed out at "
                        + "once and can no longer sign in. They can be invited again later.", "Revoke access",
                        yes -> act(() -> access.revoke(patientId), section, patientId));
                confirm.setCancelable(true);
                confirm.setConfirmButtonTheme("error primary");
                confirm.open();
            });
            actions.add(revoke);
        } else {
            status.setText("No portal access" + (now.invitationUntil() == null ? ""
                    : "; an invitation is valid until " + day(now.invitationUntil())));
            Button invite = new Button("Create invitation code", VaadinIcon.ENVELOPE_O.create());
            invite.setId("invite-to-portal");
            invite.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
            invite.addClickListener(click -> act(() -> showCode(access.invite(patientId)), section, patientId));
            actions.add(invite);
        }
        section.add(new H3("Patient portal"), status, actions);
    }

    private void act(Runnable action, Div section, UUID patientId) {
        try {
            action.run();
        } catch (RuleViolation violation) {
            FieldMessages.showError(violation.getMessage());
        }
        fill(section, patientId);
    }

    private void showCode(Invitation invitation) {
        Span code = new Span(invitation.code());
        code.setId("invitation-code-shown");
        code.addClassName("portal-invitation-code");
        ConfirmDialog dialog = new ConfirmDialog();
        dialog.setHeader("Invitation code");
        dialog.setText(new Div(new Div("Give this code to the patient (it is shown only now). They choose "
                + "\"Link my record\" at the patient portal and enter it. Valid until " + day(invitation.expiresAt())
                + ", once."), code));
        dialog.setConfirmText("Done");
        dialog.open();
    }

    private String day(Instant instant) {
        return WHEN.format(instant.atZone(clinic.timeZone()));
    }
}
