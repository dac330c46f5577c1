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
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.BeanValidationBinder;
import com.vaadin.flow.data.binder.ValidationException;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.clinic.base.ClinicSettings;
import org.clinic.base.RuleViolation;
import org.clinic.base.Texts;
import org.clinic.base.ui.FieldMessages;
import org.clinic.security.CreateStaffAccount;
import org.clinic.security.Role;
import org.clinic.security.StaffAccountService;
import org.clinic.security.StaffAccountSummary;
import org.clinic.security.StaffPasswords;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.function.Supplier;

/**
 * Administrators create staff accounts, disable and enable them, reset passwords, change roles (in a dialog that
 * asks first, {@link RoleChangeDialog}), choose whether each waiting-room display shows initials, and read each
 * account's history of changes.
 * <p>
 * The search filters in memory: a clinic has tens to a few hundred staff accounts, and the screen loads them all
 * for the grid anyway, so each keystroke filters what is already here without a round trip to the database. Should
 * an organisation ever hold many thousands, the search would move to an indexed query.
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
    private final TextField search = new TextField();
    private final Span shown = new Span();
    private List<StaffAccountSummary> all = List.of();

    public StaffAccountsView(StaffAccountService service, ClinicSettings settings) {
        this.service = service;
        this.zone = settings.timeZone();
        addClassName("clinic-page");

        Button create = new Button("New account", new Icon(VaadinIcon.PLUS), click -> openCreateDialog());
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        create.setId("new-account");
        search.setId("staff-search");
        search.setPlaceholder("Search by name or user name");
        search.setAriaLabel("Search staff accounts by name or user name");
        search.setPrefixComponent(new Icon(VaadinIcon.SEARCH));
        search.setClearButtonVisible(true);
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.setValueChangeTimeout(150);
        search.setWidth("22em");
        search.addValueChangeListener(change -> filter());
        shown.addClassName("clinic-hint-inline");
        shown.setId("staff-shown");
        HorizontalLayout toolbar = new HorizontalLayout(create, search, shown);
        toolbar.setAlignItems(FlexComponent.Alignment.CENTER);
        toolbar.addClassName("clinic-toolbar");

        // Name and user name share a column so every action stays in view on a 1366-pixel screen.
        grid.addComponentColumn(this::nameAndUsername).setHeader("Name · user name").setAutoWidth(true)
                .setFlexGrow(1);
        // Roles are read here and changed only through a dialog that asks first: a slip in the grid changes nothing.
        grid.addComponentColumn(this::roleCell).setHeader("Role").setAutoWidth(true).setFlexGrow(0);
        grid.addComponentColumn(StaffAccountsView::statusBadge).setHeader("Status").setAutoWidth(true)
                .setFlexGrow(0);
        grid.addComponentColumn(this::initialsToggle).setHeader("Display").setAutoWidth(true).setFlexGrow(0);
        grid.addComponentColumn(this::actions).setHeader("Actions").setWidth("20.5rem").setFlexGrow(0);
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.setSizeFull();
        add(toolbar, grid);
        setSizeFull();
        refresh();
    }

    private void refresh() {
        all = service.list();
        grid.setItems(all);
        filter();
    }

    /** Filters the loaded accounts in memory: see the class comment for why no database search. */
    private void filter() {
        String query = Texts.searchKey(search.getValue());
        grid.getListDataView().setFilter(account -> matches(account, query));
        long count = grid.getListDataView().getItemCount();
        shown.setText(query.isEmpty() ? all.size() + " accounts" : count + " of " + all.size() + " accounts");
        grid.setEmptyStateText(query.isEmpty() ? "No staff accounts yet"
                : "No account matches “" + search.getValue().strip() + "”");
    }

    /** Every word typed appears in the name or user name, ignoring case and accents ("lopez" finds "López"). */
    static boolean matches(StaffAccountSummary account, String searchKey) {
        if (searchKey.isEmpty()) {
            return true;
        }
        String haystack = Texts.searchKey(account.displayName() + " " + account.username());
        for (String word : searchKey.split(" ")) {
            if (!haystack.contains(word)) {
                return false;
            }
        }
        return true;
    }

    private HorizontalLayout roleCell(StaffAccountSummary account) {
        Span badge = new Span(account.role().label());
        badge.getElement().getThemeList().add(switch (account.role()) {
            case ADMIN -> "badge primary";
            case DISPLAY, KIOSK -> "badge contrast";
            default -> "badge";
        });
        Button change = new Button(new Icon(VaadinIcon.EDIT), click -> new RoleChangeDialog(service, account,
                this::refresh).open());
        change.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ICON);
        change.addClassName("clinic-change-role");
        change.setAriaLabel("Change the role of " + account.displayName());
        change.setTooltipText("Change role");
        HorizontalLayout cell = new HorizontalLayout(badge, change);
        cell.setSpacing(false);
        cell.setAlignItems(FlexComponent.Alignment.CENTER);
        return cell;
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
        HorizontalLayout actions = new HorizontalLayout(toggle, reset, history);
        actions.getStyle().set("gap", "var(--lumo-space-s)");
        return actions;
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
