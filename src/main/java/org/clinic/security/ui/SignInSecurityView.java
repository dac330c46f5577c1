package org.clinic.security.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import org.clinic.base.ui.DateFields;
import jakarta.annotation.security.RolesAllowed;
import org.clinic.base.ClinicSettings;
import org.clinic.base.RuleViolation;
import org.clinic.base.ui.FieldMessages;
import org.clinic.security.Role;
import org.clinic.security.signin.LockScope;
import org.clinic.security.signin.SignInEvent;
import org.clinic.security.signin.SignInEventFilter;
import org.clinic.security.signin.SignInEventKind;
import org.clinic.security.signin.SignInLock;
import org.clinic.security.signin.SignInSecurityService;
import org.clinic.security.signin.SignInSettings;
import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * Administrators' view of sign-in: what is locked now, with "Unlock", and the authentication log, newest first,
 * filtered by user name, kind and dates and loaded a page at a time (it grows with every sign-in).
 */
@Route("admin/security")
@PageTitle("Sign-in security · Clinic")
@Menu(title = "Sign-in security", order = 91, icon = "vaadin:shield")
@RolesAllowed(Role.ADMIN_NAME)
public class SignInSecurityView extends Main {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM yyyy HH:mm:ss");
    private static final DateTimeFormatter UNTIL = DateTimeFormatter.ofPattern("HH:mm");

    private final SignInSecurityService service;
    private final ClinicSettings settings;
    private final Grid<SignInLock> locked = new Grid<>();
    private final TextField username = new TextField("User name");
    private final ComboBox<SignInEventKind> kind = new ComboBox<>("Event");
    private final DatePicker from = new DatePicker("From");
    private final DatePicker to = new DatePicker("To");
    private final Grid<SignInEvent> events = new Grid<>();

    public SignInSecurityView(SignInSecurityService service, ClinicSettings settings, SignInSettings signIn) {
        this.service = service;
        this.settings = settings;
        addClassName("clinic-page");
        setSizeFull();

        H2 lockedTitle = new H2("Locked sign-ins");
        Paragraph rule = new Paragraph("After " + signIn.maxFailures() + " failed attempts in a row for one user name,"
                + " or " + signIn.addressMaxFailures() + " from one address, sign-in from there is locked for "
                + signIn.lockForText() + ", even with the right password.");
        rule.addClassName("clinic-muted");
        locked.addColumn(lock -> lock.scope().label()).setHeader("Locked").setAutoWidth(true).setFlexGrow(0);
        locked.addColumn(SignInLock::subject).setHeader("User name or address").setFlexGrow(2);
        locked.addColumn(SignInLock::failures).setHeader("Failures").setTextAlign(ColumnTextAlign.END)
                .setAutoWidth(true).setFlexGrow(0);
        locked.addColumn(lock -> when(lock.lastFailureAt())).setHeader("Last failure").setAutoWidth(true);
        locked.addColumn(lock -> UNTIL.format(lock.lockedUntil().atZone(settings.timeZone())))
                .setHeader("Locked until").setAutoWidth(true);
        locked.addComponentColumn(this::unlockButton).setAutoWidth(true).setFlexGrow(0);
        locked.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        locked.setEmptyStateText("Nothing is locked.");
        locked.setAllRowsVisible(true);
        locked.setId("locked-sign-ins");

        H2 eventsTitle = new H2("Sign-in events");
        username.setPlaceholder("Starts with…");
        username.setClearButtonVisible(true);
        username.setValueChangeMode(ValueChangeMode.LAZY);
        username.setId("security-username");
        kind.setItems(SignInEventKind.values());
        kind.setItemLabelGenerator(SignInEventKind::label);
        kind.setClearButtonVisible(true);
        kind.setPlaceholder("Any");
        kind.setId("security-kind");
        DateFields.day(from);
        DateFields.day(to);
        from.setClearButtonVisible(true);
        from.setId("security-from");
        to.setClearButtonVisible(true);
        to.setId("security-to");
        username.addValueChangeListener(change -> showEvents());
        kind.addValueChangeListener(change -> showEvents());
        from.addValueChangeListener(change -> showEvents());
        to.addValueChangeListener(change -> showEvents());
        Button reload = new Button("Refresh", new Icon(VaadinIcon.REFRESH), click -> refresh());
        reload.setId("security-refresh");
        HorizontalLayout filters = new HorizontalLayout(username, kind, from, to, reload);
        filters.setAlignItems(FlexComponent.Alignment.BASELINE);
        filters.addClassName("clinic-toolbar");

        events.addColumn(e -> when(e.occurredAt())).setHeader("When").setAutoWidth(true).setFlexGrow(0);
        events.addComponentColumn(SignInSecurityView::kindBadge).setHeader("Event").setAutoWidth(true)
                .setFlexGrow(0);
        events.addColumn(e -> e.reason().label()).setHeader("Why / how").setAutoWidth(true).setFlexGrow(0);
        events.addColumn(e -> text(e.username())).setHeader("User name").setFlexGrow(1)
                .setTooltipGenerator(e -> text(e.username()));
        events.addColumn(e -> text(e.address())).setHeader("Address").setAutoWidth(true).setFlexGrow(0);
        events.addColumn(e -> text(e.userAgent())).setHeader("Browser").setFlexGrow(2)
                .setTooltipGenerator(e -> text(e.userAgent()));
        events.addColumn(e -> text(e.actedBy())).setHeader("By").setWidth("7em").setFlexGrow(0);
        events.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        events.setEmptyStateText("No sign-in events match.");
        events.setId("sign-in-events");
        events.setMinHeight("320px");

        add(lockedTitle, rule, locked, eventsTitle, filters, events);
        events.getStyle().set("flex", "1 1 0"); // the log takes the height the locked list leaves
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        refresh();
    }

    private void refresh() {
        List<SignInLock> locks = service.lockedNow();
        locked.setItems(locks);
        showEvents();
    }

    private void showEvents() {
        to.setInvalid(false);
        SignInEventFilter filter = new SignInEventFilter(username.getValue(), kind.getValue(), from.getValue(),
                to.getValue());
        if (filter.from() != null && filter.to() != null && filter.to().isBefore(filter.from())) {
            to.setErrorMessage("The last day is before the first day");
            to.setInvalid(true);
            return;
        }
        events.setItems(query -> service.events(filter, query.getOffset(), query.getLimit()).stream());
    }

    private Button unlockButton(SignInLock lock) {
        Button unlock = new Button("Unlock", click -> {
            try {
                boolean lifted = service.unlock(lock.scope(), lock.subject());
                FieldMessages.showSuccess(lifted ? describe(lock) + " can sign in again"
                        : describe(lock) + " was no longer locked");
            } catch (RuleViolation violation) {
                FieldMessages.showError(violation.getMessage());
            }
            refresh();
        });
        unlock.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_PRIMARY);
        unlock.setAriaLabel("Unlock " + describe(lock));
        return unlock;
    }

    private static String describe(SignInLock lock) {
        return (lock.scope() == LockScope.ACCOUNT ? "User name " : "Address ") + lock.subject();
    }

    private String when(Instant instant) {
        return WHEN.format(instant.atZone(settings.timeZone()));
    }

    private static String text(@Nullable String value) {
        return value == null ? "" : value;
    }

    private static Span kindBadge(SignInEvent event) {
        Span badge = new Span(event.kind().label());
        badge.getElement().getThemeList().add(switch (event.kind()) {
            case SIGNED_IN -> "badge success";
            case SIGN_IN_FAILED, LOCKED_OUT -> "badge error";
            case SIGNED_OUT -> "badge contrast";
            case UNLOCKED -> "badge";
        });
        return badge;
    }
}
