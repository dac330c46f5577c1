package org.clinic.message.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.IFrame;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.tabs.TabSheet;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.shared.Registration;
import jakarta.annotation.security.RolesAllowed;
import org.clinic.base.ClinicSettings;
import org.clinic.base.LiveUpdates;
import org.clinic.message.MessageKind;
import org.clinic.message.MessageState;
import org.clinic.message.OutboxChanged;
import org.clinic.message.OutboxEntry;
import org.clinic.message.OutboxService;
import org.clinic.security.Role;
import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Map;

/**
 * Every message the clinic sends, newest first: to whom, what kind, its state, attempts and times, and why a message
 * failed or was skipped. Opens a message as it was sent; a failed one can be queued again. Updates live.
 */
@Route("admin/outbox")
@PageTitle("Outbox · Clinic")
@Menu(title = "Outbox", order = 85, icon = "vaadin:envelopes-o")
@RolesAllowed(Role.ADMIN_NAME)
public class OutboxView extends Main {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM HH:mm");

    private final OutboxService outbox;
    private final LiveUpdates liveUpdates;
    private final ClinicSettings settings;
    private final ComboBox<MessageState> state = new ComboBox<>("State");
    private final ComboBox<MessageKind> kind = new ComboBox<>("Kind");
    private final TextField recipient = new TextField("Recipient");
    private final Div counts = new Div();
    private final Grid<OutboxEntry> grid = new Grid<>();
    private @Nullable Registration subscription;

    public OutboxView(OutboxService outbox, LiveUpdates liveUpdates, ClinicSettings settings) {
        this.outbox = outbox;
        this.liveUpdates = liveUpdates;
        this.settings = settings;
        addClassName("clinic-page");
        setSizeFull();

        state.setItems(MessageState.values());
        state.setItemLabelGenerator(MessageState::label);
        state.setClearButtonVisible(true);
        state.setPlaceholder("Any");
        state.setId("outbox-state");
        kind.setItems(MessageKind.values());
        kind.setItemLabelGenerator(MessageKind::label);
        kind.setClearButtonVisible(true);
        kind.setPlaceholder("Any");
        kind.setId("outbox-kind");
        recipient.setPlaceholder("Name or address starts with…");
        recipient.setClearButtonVisible(true);
        recipient.setValueChangeMode(ValueChangeMode.LAZY);
        recipient.setId("outbox-recipient");
        state.addValueChangeListener(change -> refresh());
        kind.addValueChangeListener(change -> refresh());
        recipient.addValueChangeListener(change -> refresh());
        HorizontalLayout filters = new HorizontalLayout(state, kind, recipient, counts);
        filters.setAlignItems(FlexComponent.Alignment.BASELINE);
        filters.addClassName("clinic-toolbar");

        counts.addClassName("clinic-outbox-counts");
        counts.setId("outbox-counts");

        grid.addColumn(m -> when(m.createdAt())).setHeader("Created").setAutoWidth(true).setFlexGrow(0);
        grid.addComponentColumn(m -> twoLines(m.kind().label(), m.subject())).setHeader("Message").setFlexGrow(3)
                .setTooltipGenerator(OutboxEntry::subject);
        grid.addComponentColumn(m -> twoLines(m.recipientName(), m.recipient() == null ? "no address" : m.recipient()))
                .setHeader("To").setFlexGrow(2);
        grid.addComponentColumn(m -> stateBadge(m.state())).setHeader("State").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(OutboxEntry::attempts).setHeader("Tries").setTextAlign(ColumnTextAlign.END)
                .setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(this::timing).setHeader("Sent / next try").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(m -> m.lastError() == null ? "" : m.lastError()).setHeader("Reason").setFlexGrow(2)
                .setTooltipGenerator(m -> m.lastError() == null ? "" : m.lastError());
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        grid.setEmptyStateText("No messages yet.");
        grid.setId("outbox");
        grid.setSizeFull();
        grid.addItemClickListener(click -> open(click.getItem()));
        add(filters, grid);
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        refresh();
        subscription = liveUpdates.subscribe(attachEvent.getUI(), OutboxChanged.class, this::refresh);
    }

    @Override
    protected void onDetach(DetachEvent detachEvent) {
        if (subscription != null) {
            subscription.remove();
            subscription = null;
        }
    }

    private void refresh() {
        String prefix = recipient.getValue().isBlank() ? null : recipient.getValue();
        grid.setItems(query -> outbox.messages(state.getValue(), kind.getValue(), prefix, query.getOffset(),
                query.getLimit()).stream());
        Map<MessageState, Long> lastDay = outbox.lastDay();
        counts.removeAll();
        counts.add(new Span("Last 24 h"));
        Arrays.stream(MessageState.values()).forEach(s -> {
            Span count = stateBadge(s);
            count.setText(lastDay.getOrDefault(s, 0L) + " " + s.label().toLowerCase());
            count.setId("outbox-count-" + s.name().toLowerCase());
            counts.add(count);
        });
    }

    private void open(OutboxEntry message) {
        OutboxService.MessageBodies bodies = outbox.bodies(message.id());
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(message.subject());
        dialog.setWidth("720px");
        IFrame html = new IFrame();
        html.setSrcdoc(bodies.html());
        html.setSandbox(IFrame.SandboxType.RESTRICT_ALL); // the message is shown, never run
        html.setWidthFull();
        html.setHeight("480px");
        html.getStyle().set("border", "1px solid var(--lumo-contrast-10pct)");
        Pre text = new Pre(bodies.text());
        text.addClassName("clinic-message-text");
        TabSheet tabs = new TabSheet();
        tabs.add("As sent (HTML)", html);
        tabs.add("Plain text", text);
        tabs.setWidthFull();
        Div facts = new Div(new Span("To " + message.recipientName()
                + (message.recipient() == null ? " (no address)" : " <" + message.recipient() + ">")
                + " · " + message.state().label() + " · " + message.attempts() + " attempt(s)"));
        facts.addClassName("clinic-muted");
        dialog.add(facts, tabs);
        Button close = new Button("Close", click -> dialog.close());
        if (message.state() == MessageState.FAILED) {
            Button retry = new Button("Send again", new Icon(VaadinIcon.REFRESH), click -> {
                if (outbox.retry(message.id())) {
                    Notification.show("Queued again");
                }
                dialog.close();
            });
            retry.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            retry.setId("outbox-retry");
            dialog.getFooter().add(retry);
        }
        dialog.getFooter().add(close);
        dialog.open();
    }

    private String timing(OutboxEntry message) {
        return switch (message.state()) {
            case SENT -> when(message.sentAt());
            case QUEUED -> message.nextAttemptAt() == null ? "" : "next " + when(message.nextAttemptAt());
            case FAILED, SKIPPED -> "—";
        };
    }

    private String when(@Nullable Instant instant) {
        return instant == null ? "" : WHEN.format(instant.atZone(settings.timeZone()));
    }

    private static Div twoLines(String first, String second) {
        Div secondLine = new Div(second);
        secondLine.addClassName("clinic-muted");
        Div cell = new Div(new Div(first), secondLine);
        cell.addClassName("clinic-two-line");
        cell.addClassName("clinic-ellipsis");
        return cell;
    }

    private static Span stateBadge(MessageState state) {
        Span badge = new Span(state.label());
        badge.getElement().getThemeList().add(switch (state) {
            case SENT -> "badge success";
            case FAILED -> "badge error";
            case SKIPPED -> "badge contrast";
            case QUEUED -> "badge";
        });
        return badge;
    }
}
