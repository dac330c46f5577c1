package org.clinic.security;

import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;

import java.time.LocalTime;
import java.time.format.DateTimeFormatter;

/** "Still there?": the question every open screen of an idle session asks a minute before it is signed out. */
final class IdleWarning {

    private static final String KEY = IdleWarning.class.getName();
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    private IdleWarning() {
    }

    static void open(UI ui, LocalTime signOutAt, Runnable stay, Runnable signOutNow) {
        close(ui);
        Dialog dialog = new Dialog();
        dialog.setId("idle-warning");
        dialog.setHeaderTitle("Still there?");
        dialog.setCloseOnOutsideClick(false);
        dialog.setCloseOnEsc(false);
        dialog.add(new Paragraph("Nobody has used this screen for a while. To keep patients' records private, you "
                + "will be signed out at " + TIME.format(signOutAt) + " unless you continue."));
        Button continueButton = new Button("Continue working", click -> stay.run());
        continueButton.setId("stay-signed-in");
        continueButton.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button signOut = new Button("Sign out now", click -> signOutNow.run());
        // In the body, not the footer: the footer is filled by a client-side renderer that a dialog opened by a
        // server push (as this one is, from the idle check) does not run.
        HorizontalLayout actions = new HorizontalLayout(signOut, continueButton);
        actions.setJustifyContentMode(FlexComponent.JustifyContentMode.END);
        actions.setWidthFull();
        dialog.add(actions);
        ComponentUtil.setData(ui, KEY, dialog);
        ui.add(dialog);
        dialog.open();
        continueButton.focus();
    }

    static void close(UI ui) {
        Object open = ComponentUtil.getData(ui, KEY);
        if (open instanceof Dialog dialog) {
            dialog.close();
            ui.remove(dialog);
            ComponentUtil.setData(ui, KEY, null);
        }
    }
}
