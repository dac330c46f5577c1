package org.clinic.api.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import org.clinic.base.ui.DateFields;
import jakarta.annotation.security.RolesAllowed;
import org.clinic.api.ApiTokenService;
import org.clinic.api.ApiTokenSummary;
import org.clinic.api.IssuedApiToken;
import org.clinic.api.NewApiToken;
import org.clinic.base.ClinicSettings;
import org.clinic.base.RuleViolation;
import org.clinic.base.ui.FieldMessages;
import org.clinic.doctor.DoctorService;
import org.clinic.doctor.DoctorSummary;
import org.clinic.security.Role;
import org.jspecify.annotations.Nullable;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Administrators create the API tokens of integration accounts (the secret is shown once, with a copy button),
 * see when each was last used, and revoke them. See the Swagger UI at /api/docs for what a token can do.
 */
@Route("admin/api-tokens")
@PageTitle("API tokens · Clinic")
@Menu(title = "API tokens", order = 92, icon = "vaadin:key")
@RolesAllowed(Role.ADMIN_NAME)
public class ApiTokensView extends Main {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy");

    private final ApiTokenService tokens;
    private final DoctorService doctors;
    private final ZoneId zone;
    private final Clock clock;
    private final Grid<ApiTokenSummary> grid = new Grid<>();
    private final TextField filter = new TextField();

    public ApiTokensView(ApiTokenService tokens, DoctorService doctors, ClinicSettings settings, Clock clock) {
        this.tokens = tokens;
        this.doctors = doctors;
        this.zone = settings.timeZone();
        this.clock = clock;
        addClassName("clinic-page");

        Button create = new Button("New token", new Icon(VaadinIcon.PLUS), click -> openCreateDialog());
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        create.setId("new-token");
        Span docs = new Span("Integrations call /api/v1 with a token; the documentation is at /api/docs.");
        docs.addClassName("clinic-hint-inline");
        filter.setId("token-filter");
        filter.setPlaceholder("Find a token by name");
        filter.setAriaLabel("Find a token by name");
        filter.setPrefixComponent(new Icon(VaadinIcon.SEARCH));
        filter.setClearButtonVisible(true);
        filter.setValueChangeMode(ValueChangeMode.EAGER);
        filter.addValueChangeListener(change -> refresh());
        HorizontalLayout toolbar = new HorizontalLayout(create, filter, docs);
        toolbar.addClassName("clinic-toolbar");
        toolbar.setAlignItems(HorizontalLayout.Alignment.CENTER);

        grid.addComponentColumn(this::nameAndRole).setHeader("Name · acts as").setAutoWidth(true).setFlexGrow(1);
        grid.addComponentColumn(this::statusBadge).setHeader("Status").setAutoWidth(true);
        grid.addColumn(t -> t.lastUsedAt() == null ? "Never" : WHEN.format(t.lastUsedAt().atZone(zone)))
                .setHeader("Last used").setAutoWidth(true);
        grid.addColumn(t -> t.expiresAt() == null ? "No expiry"
                        : "Until " + DAY.format(t.expiresAt().minusSeconds(1).atZone(zone)))
                .setHeader("Expiry").setAutoWidth(true);
        grid.addComponentColumn(this::created).setHeader("Created").setAutoWidth(true);
        grid.addComponentColumn(this::actions).setHeader("").setAutoWidth(true).setFlexGrow(0);
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.setEmptyStateText("No API tokens yet");
        grid.setSizeFull();
        add(toolbar, grid);
        setSizeFull();
        refresh();
    }

    private void refresh() {
        String wanted = filter.getValue().strip().toLowerCase(Locale.ROOT);
        grid.setItems(tokens.list().stream().filter(t -> t.name().contains(wanted)).toList());
    }

    private Div nameAndRole(ApiTokenSummary token) {
        String actsAs = token.role() == Role.DOCTOR
                ? "Doctor · " + (token.doctorName() == null ? "unknown doctor" : token.doctorName())
                : token.role().label();
        Span hint = new Span(actsAs + " · " + token.secretHint());
        hint.addClassName("clinic-hint-inline");
        return new Div(new Span(token.name()), new Div(hint));
    }

    /** The status, and for a revoked token when and by whom, under it (so no column grows past the screen). */
    private Div statusBadge(ApiTokenSummary token) {
        String status = token.status(Instant.now(clock));
        Span badge = new Span(status);
        badge.getElement().getThemeList().add("Active".equals(status) ? "badge success" : "badge error");
        Div cell = new Div(badge);
        if (token.revokedAt() != null) {
            Span when = new Span(DAY.format(token.revokedAt().atZone(zone)) + " by " + token.revokedBy());
            when.addClassName("clinic-hint-inline");
            cell.add(new Div(when));
        }
        return cell;
    }

    private Div created(ApiTokenSummary token) {
        Span by = new Span("by " + token.createdBy());
        by.addClassName("clinic-hint-inline");
        return new Div(new Span(DAY.format(token.createdAt().atZone(zone))), new Div(by));
    }

    private HorizontalLayout actions(ApiTokenSummary token) {
        HorizontalLayout actions = new HorizontalLayout();
        if (token.revokedAt() == null) {
            Button revoke = new Button("Revoke", click -> confirmRevoke(token));
            revoke.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_ERROR);
            revoke.setAriaLabel("Revoke " + token.name());
            actions.add(revoke);
        }
        return actions;
    }

    private void confirmRevoke(ApiTokenSummary token) {
        ConfirmDialog confirm = new ConfirmDialog("Revoke " + token.name() + "?",
                "Its next call is refused. This cannot be undone; the integration needs a new token.",
                "Revoke", event -> {
                    try {
                        tokens.revoke(token.id());
                        FieldMessages.showSuccess(token.name() + " is revoked");
                    } catch (RuleViolation violation) {
                        FieldMessages.showError(violation.getMessage());
                    }
                    refresh();
                });
        confirm.setConfirmButtonTheme("error primary");
        confirm.setCancelable(true);
        confirm.open();
    }

    private void openCreateDialog() {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle("New API token");
        TextField name = new TextField("Name");
        name.setHelperText("Lower-case letters, digits, dots and dashes, e.g. lab-sync");
        name.setId("token-name");
        Select<Role> role = new Select<>();
        role.setLabel("Acts as");
        role.setItems(ApiTokenService.ROLES);
        role.setItemLabelGenerator(Role::label);
        role.setValue(Role.RECEPTIONIST);
        role.setId("token-role");
        Select<DoctorSummary> doctor = new Select<>();
        doctor.setLabel("Doctor");
        doctor.setItems(doctors.doctors());
        doctor.setItemLabelGenerator(DoctorSummary::displayName);
        doctor.setVisible(false);
        doctor.setId("token-doctor");
        role.addValueChangeListener(change -> doctor.setVisible(change.getValue() == Role.DOCTOR));
        DatePicker expires = new DatePicker("Last day it works");
        DateFields.day(expires);
        expires.setHelperText("Leave empty for no expiry");
        expires.setMin(LocalDate.now(clock.withZone(zone)));
        expires.setClearButtonVisible(true);
        FieldMessages messages = new FieldMessages().bind("name", name).bind("role", role).bind("doctorId", doctor)
                .bind("expiresAfter", expires);

        FormLayout form = new FormLayout(name, role, doctor, expires);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("400px", 2));
        dialog.add(form);
        Button save = new Button("Create token", click -> {
            try {
                @Nullable DoctorSummary chosen = doctor.isVisible() ? doctor.getValue() : null;
                IssuedApiToken issued = tokens.create(new NewApiToken(name.getValue(), role.getValue(),
                        chosen == null ? null : chosen.id(), expires.getValue()));
                dialog.close();
                refresh();
                showSecret(issued);
            } catch (RuleViolation violation) {
                messages.show(violation);
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.setId("create-token");
        dialog.getFooter().add(new Button("Cancel", click -> dialog.close()), save);
        dialog.open();
        name.focus();
    }

    /** The one time the secret is seen: copy it now, it cannot be shown again. */
    private void showSecret(IssuedApiToken issued) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle("Token " + issued.token().name() + " created");
        dialog.setCloseOnOutsideClick(false);
        Paragraph once = new Paragraph("Copy the secret now and give it to the integration. It is shown only this"
                + " once; the clinic keeps only a fingerprint of it.");
        TextField secret = new TextField("Secret");
        secret.setValue(issued.secret());
        secret.setReadOnly(true);
        secret.setWidthFull();
        secret.setId("token-secret");
        // The clipboard is there on HTTPS (and localhost) only: elsewhere the secret is selected for Ctrl+C.
        Button copy = new Button("Copy", new Icon(VaadinIcon.COPY), click -> secret.getElement().executeJs(
                        "return navigator.clipboard ? navigator.clipboard.writeText($0).then(() => true, () => false)"
                                + " : false", issued.secret())
                .then(Boolean.class, copied -> {
                    if (Boolean.TRUE.equals(copied)) {
                        FieldMessages.showSuccess("Secret copied");
                    } else {
                        secret.getElement().executeJs("this.inputElement.select()");
                        FieldMessages.showError("This browser does not allow copying here: the secret is selected,"
                                + " press Ctrl+C (or Cmd+C)");
                    }
                }));
        copy.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        copy.setId("copy-secret");
        Paragraph use = new Paragraph("Calls send it as: Authorization: Bearer " + issued.token().secretHint());
        use.addClassName("clinic-hint-inline");
        Div body = new Div(once, secret, use);
        body.setWidth("min(40rem, 90vw)");
        dialog.add(body);
        Button done = new Button("Done", click -> dialog.close());
        done.setId("secret-done");
        dialog.getFooter().add(copy, done);
        dialog.open();
    }
}
