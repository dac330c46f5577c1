package org.clinic.message.ui;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.IFrame;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.TextField;
import org.clinic.message.MessageKind;
import org.clinic.message.MessageRequest;
import org.clinic.message.MessageState;
import org.clinic.message.Outbox;
import org.clinic.message.OutboxEntry;
import org.clinic.message.Recipient;
import org.clinic.security.Role;
import org.clinic.security.SystemAuthentication;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.test.context.support.WithMockUser;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest
@WithMockUser(username = "amira", roles = "ADMIN")
class OutboxViewTest extends SpringBrowserlessTest {

    @Autowired
    Outbox outbox;

    @Test
    void an_administrator_finds_a_message_by_recipient_and_opens_it_as_it_was_sent() {
        String name = "Dr Zq" + UUID.randomUUID().toString().substring(0, 6);
        queue(name, "zq" + UUID.randomUUID().toString().substring(0, 6) + "@clinic.example.org");
        queue(name + " Jr", null);

        navigate(OutboxView.class);
        test($(TextField.class).id("outbox-recipient")).setValue(name);

        List<OutboxEntry> shown = grid().getLazyDataView().getItems().toList();
        assertThat(shown).hasSize(2).allMatch(m -> m.recipientName().startsWith(name));
        OutboxEntry skipped = shown.stream().filter(m -> m.state() == MessageState.SKIPPED).findFirst().orElseThrow();
        assertThat(skipped.lastError()).isEqualTo("No email address on file");
        assertThat($(Span.class).id("outbox-count-skipped").getText()).endsWith("skipped");

        test(grid()).clickRow(shown.indexOf(skipped));
        Dialog dialog = $(Dialog.class).single();
        assertThat($(IFrame.class, dialog).single().getSrcdoc().orElse("")).contains("November 2026");
        assertThat($(Button.class, dialog).withText("Send again").exists()).isFalse();
    }

    @Test
    void filters_by_state_and_kind() {
        navigate(OutboxView.class);
        test(stateFilter()).selectItem("Skipped");
        assertThat(grid().getLazyDataView().getItems().limit(50)).allMatch(m -> m.state() == MessageState.SKIPPED);
        test(kindFilter()).selectItem(MessageKind.REPORT_READY.label());
        assertThat(grid().getLazyDataView().getItems().limit(50)).allMatch(m -> m.kind() == MessageKind.REPORT_READY);
    }

    private void queue(String name, String address) {
        SystemAuthentication.runAs(Role.ADMIN, () -> outbox.queue(new MessageRequest(MessageKind.REPORT_READY,
                "view-test:" + UUID.randomUUID(), Recipient.staff(name, address), "Report for November 2026",
                Map.of("recipientName", name, "month", "November 2026"), null)));
    }

    @SuppressWarnings("unchecked")
    private Grid<OutboxEntry> grid() {
        return $(Grid.class).id("outbox");
    }

    @SuppressWarnings("unchecked")
    private ComboBox<MessageState> stateFilter() {
        return $(ComboBox.class).id("outbox-state");
    }

    @SuppressWarnings("unchecked")
    private ComboBox<MessageKind> kindFilter() {
        return $(ComboBox.class).id("outbox-kind");
    }
}
