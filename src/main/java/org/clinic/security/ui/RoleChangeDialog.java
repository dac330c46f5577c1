package org.clinic.security.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.radiobutton.RadioGroupVariant;
import org.clinic.base.RuleViolation;
import org.clinic.base.ui.FieldMessages;
import org.clinic.security.ChangeStaffRole;
import org.clinic.security.Role;
import org.clinic.security.StaffAccountService;
import org.clinic.security.StaffAccountSummary;

/**
 * Changes one account's role in two deliberate steps: choose the new role, then confirm a question that names the
 * person, the old role and the new one. A refusal (the person's own role, the last administrator, a role changed
 * meanwhile) is shown under the choice, and nothing is changed.
 */
final class RoleChangeDialog extends Dialog {

    private final StaffAccountService service;
    private final StaffAccountSummary account;
    private final Runnable changed;
    private final RadioButtonGroup<Role> role = new RadioButtonGroup<>("New role");
    private final Button change = new Button("Change role…");

    RoleChangeDialog(StaffAccountService service, StaffAccountSummary account, Runnable changed) {
        this.service = service;
        this.account = account;
        this.changed = changed;
        setId("role-dialog");
        setHeaderTitle("Role of " + account.displayName());
        setWidth("min(30rem, 95vw)");

        Paragraph now = new Paragraph("User name " + account.username() + " · now " + account.role().label());
        now.addClassName("clinic-hint-inline");
        now.setId("role-now");
        role.setItems(Role.values());
        role.setItemLabelGenerator(Role::label);
        role.setValue(account.role());
        role.addThemeVariants(RadioGroupVariant.LUMO_VERTICAL);
        role.setHelperText("Their open sessions end; the new role applies when they next sign in.");
        role.setId("new-role");
        role.addValueChangeListener(e -> {
            role.setInvalid(false);
            change.setEnabled(e.getValue() != null && e.getValue() != account.role());
        });
        add(now, role);

        change.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        change.setId("change-role");
        change.setEnabled(false);
        change.addClickListener(click -> confirm());
        getFooter().add(new Button("Cancel", click -> close()), change);
    }

    /** The question that names who changes from what to what; nothing is changed before it is answered. */
    private void confirm() {
        Role to = role.getValue();
        if (to == null || to == account.role()) {
            return;
        }
        ConfirmDialog question = new ConfirmDialog();
        question.setId("role-change-confirm");
        question.setHeader("Change the role of " + account.displayName() + "?");
        question.setText(account.displayName() + " (" + account.username() + ") changes from "
                + account.role().label() + " to " + to.label() + ". Their open sessions end now.");
        question.setCancelable(true);
        question.setConfirmText("Make " + to.label());
        if (account.role() == Role.ADMIN || to == Role.ADMIN) {
            question.setConfirmButtonTheme("error primary");
        }
        question.addConfirmListener(yes -> apply(to));
        question.open();
    }

    private void apply(Role to) {
        try {
            service.changeRole(new ChangeStaffRole(account.id(), account.role(), to));
            close();
            FieldMessages.showSuccess(account.displayName() + " is now " + to.label()
                    + "; their open sessions were ended");
        } catch (RuleViolation refused) {
            role.setErrorMessage(refused.getMessage());
            role.setInvalid(true);
        }
        changed.run();
    }
}
