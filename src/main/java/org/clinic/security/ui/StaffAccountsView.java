package org.clinic.security.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.BeanValidationBinder;
import com.vaadin.flow.data.binder.ValidationException;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.clinic.base.ClinicSettings;
import org.clinic.base.RuleViolation;
import org.clinic.base.ui.FieldMessages;
import org.clinic.security.CreateStaffAccount;
import org.clinic.security.Role;
import org.clinic.security.StaffAccountService;
import org.clinic.security.StaffAccountSummary;
import org.clinic.security.StaffPasswords;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.function.Supplier;

/**
 * Administrators create staff accounts, disable and enable them, reset passwords, change roles, choose whether each
 * waiting-room display shows initials, and read each account's history of changes.
 */
@Route("admin/staff")
@PageTitle("Staff accounts · Clinic")
@Menu(title = "Staff accounts", order = 90, icon = "vaadin:user-card")
@RolesAllowed(Role.ADMIN_NAME)
public class StaffAccountsView extends Main {

    private static final DateTimeFormatter CREATED = DateTimeFormatter.ofPattern("d MMM yyyy");

    private final StaffAccountService service;
    private final ZoneId zone;
    private final Grid<StaffAccountSummary> grid = new Grid<>();

    public StaffAccountsView(StaffAccountService service, ClinicSettings settings) {
        this.service = service;
        this.zone = settings.timeZone();
        addClassName("clinic-page");

        Button create = new Button("New account", new Icon(VaadinIcon.PLUS), click -> openCreateDialog());
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        create.setId("new-account");
        HorizontalLayout toolbar = new HorizontalLayout(create);
        toolbar.addClassName("clinic-toolbar");

        // Name and user name share a column so every action stays in view on a 1366-pixel screen.
        grid.addComponentColumn(this::nameAndUsername).setHeader("Name · user name").setAutoWidth(true)
                .setFlexGrow(1);
        grid.addComponentColumn(this::roleSelect).setHeader("Role").setAutoWidth(true);
        grid.addComponentColumn(StaffAccountsView::statusBadge).setHeader("Status").setAutoWidth(true);
        grid.addComponentColumn(this::initialsToggle).setHeader("Display").setAutoWidth(true);
        grid.addComponentColumn(this::actions).setHeader("").setAutoWidth(true).setFlexGrow(0);
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.setSizeFull();
        add(toolbar, grid);
        setSizeFull();
        refresh();
    }

    private void refresh() {
        grid.setItems(service.list());
    }

    private Select<Role> roleSelect(StaffAccountSummary account) {
        Select<Role> select = new Select<>();
        select.setItems(Role.values());
        select.setItemLabelGenerator(Role::label);
        select.setValue(account.role());
        select.setAriaLabel("Role of " + account.displayName());
        select.setWidth("13.5em");
        select.addValueChangeListener(change -> {
            if (change.isFromClient() && change.getValue() != null) {
                act(() -> service.changeRole(account.id(), change.getValue()),
                        account.displayName() + " is now " + change.getValue().label()
                                + "; their open sessions were ended");
            }
        });
        return select;
    }

    private static Span statusBadge(StaffAccountSummary account) {
        Span badge = new Span(account.enabled() ? "Enabled" : "Disabled");
        badge.getElement().getThemeList().add(account.enabled() ? "badge success" : "badge error");
        return badge;
    }

    /** Only for waiting-room displays: an administrator decides whether a screen shows initials next to tokens. */
    private Component initialsToggle(StaffAccountSummary account) {
        if (account.role() != Role.DISPLAY) {
            return new Span();
        }
        Checkbox initials = new Checkbox("Initials", account.displayInitials());
        initials.setAriaLabel("Show patients' initials on " + account.displayName());
        initials.addValueChangeListener(change -> {
            if (change.isFromClient()) {
                act(() -> service.showInitials(account.id(), change.getValue()), account.displayName()
                        + (change.getValue() ? " shows initials next to tokens" : " shows tokens only"));
            }
        });
        return initials;
    }

    private HorizontalLayout actions(StaffAccountSummary account) {
        Button toggle = account.enabled()
                ? new Button("Disable", click -> act(() -> service.disable(account.id()),
                        account.displayName() + " is disabled and signed out everywhere"))
                : new Button("Enable", click -> act(() -> service.enable(account.id()),
                        account.displayName() + " can sign in again"));
        toggle.addThemeVariants(ButtonVariant.LUMO_SMALL, account.enabled() ? ButtonVariant.LUMO_ERROR
                : ButtonVariant.LUMO_SUCCESS);
        Button reset = new Button("Reset password", click -> openResetDialog(account));
        reset.addThemeVariants(ButtonVariant.LUMO_SMALL);
        Button history = new Button("History", click -> new StaffAccountHistory(service, account, zone).open());
        history.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        return new HorizontalLayout(toggle, reset, history);
    }

    private void act(Supplier<StaffAccountSummary> action, String success) {
        try {
            action.get();
            FieldMessages.showSuccess(success);
        } catch (RuleViolation violation) {
            FieldMessages.showError(violation.getMessage());
        }
        refresh();
    }

    private void openCreateDialog() {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle("New staff account");
        TextField displayName = new TextField("Name");
        TextField username = new TextField("User name");
        username.setHelperText("Lower-case letters, digits, dots and dashes");
        Select<Role> role = new Select<>();
        role.setLabel("Role");
        role.setItems(Role.values());
        role.setItemLabelGenerator(Role::label);
        PasswordField password = new PasswordField("Initial password");
        password.setHelperText(StaffPasswords.HINT);

        BeanValidationBinder<CreateStaffAccount> binder = new BeanValidationBinder<>(CreateStaffAccount.class);
        binder.forField(displayName).bind("displayName");
        binder.forField(username).bind("username");
        binder.forField(role).bind("role");
        binder.forField(password).bind("password");
        FieldMessages messages = new FieldMessages().bind("displayName", displayName).bind("username", username)
                .bind("role", role).bind("password", password);

        FormLayout form = new FormLayout(displayName, username, role, password);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("400px", 2));
        dialog.add(form);
        Button save = new Button("Create account", click -> {
            try {
                CreateStaffAccount command = binder.writeRecord();
                StaffAccountSummary created = service.create(command);
                dialog.close();
                FieldMessages.showSuccess("Account " + created.username() + " created");
                refresh();
            } catch (ValidationException invalid) {
                // the binder already shows each message next to its field
            } catch (RuleViolation violation) {
                messages.show(violation);
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.setId("create-account");
        dialog.getFooter().add(new Button("Cancel", click -> dialog.close()), save);
        dialog.open();
        displayName.focus();
    }

    private void openResetDialog(StaffAccountSummary account) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle("New password for " + account.displayName());
        PasswordField password = new PasswordField("New password");
        password.setHelperText(StaffPasswords.HINT);
        password.setWidthFull();
        dialog.add(password);
        Button save = new Button("Set password", click -> {
            try {
                service.resetPassword(account.id(), password.getValue());
                dialog.close();
                FieldMessages.showSuccess("Password changed for " + account.username()
                        + "; their open sessions were ended");
            } catch (RuleViolation violation) {
                password.setErrorMessage(violation.getMessage());
                password.setInvalid(true);
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(new Button("Cancel", click -> dialog.close()), save);
        dialog.open();
        password.focus();
    }

    private Div nameAndUsername(StaffAccountSummary account) {
        Span username = new Span(account.username() + " · since "
                + CREATED.format(account.createdAt().atZone(zone)));
        username.addClassName("clinic-hint-inline");
        return new Div(new Span(account.displayName()), new Div(username));
    }
}
