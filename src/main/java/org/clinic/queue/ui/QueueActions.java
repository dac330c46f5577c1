package org.clinic.queue.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import org.clinic.base.NotFoundException;
import org.clinic.base.RuleViolation;
import org.clinic.base.ui.FieldMessages;
import org.clinic.doctor.DoctorSummary;
import org.clinic.queue.Lane;
import org.clinic.queue.QueueEntryView;
import org.clinic.queue.QueueService;
import org.clinic.queue.QueueStatus;

import java.util.List;

/**
 * The operations on one queued patient, shared by the reception dashboard and the doctor's queue: not present,
 * no-show (after confirmation), return, transfer and priority change (each with a reason). The service checks every
 * rule again; a refusal is shown as a message and changes nothing.
 */
final class QueueActions {

    private final QueueService queue;
    private final Runnable changed;

    QueueActions(QueueService queue, Runnable changed) {
        this.queue = queue;
        this.changed = changed;
    }

    void run(Runnable action) {
        try {
            action.run();
        } catch (RuleViolation | NotFoundException refused) {
            FieldMessages.showError(refused.getMessage());
        }
        changed.run();
    }

    void notPresent(QueueEntryView entry) {
        run(() -> {
            QueueEntryView skipped = queue.notPresent(entry.id());
            if (skipped.skips() >= queue.settings().maxSkips()) {
                confirmNoShow(skipped);
            } else {
                FieldMessages.showSuccess(entry.token() + " moved back " + queue.settings().skipPlaces() + " places");
            }
        });
    }

    void confirmNoShow(QueueEntryView entry) {
        ConfirmDialog dialog = new ConfirmDialog();
        dialog.setHeader("Record " + entry.token() + " as a no-show?");
        dialog.setText(entry.patientName() + " has not answered " + entry.skips() + " calls. They leave the queue; "
                + "if they come back, use Return to queue.");
        dialog.setCancelable(true);
        dialog.setCancelText("Keep waiting");
        dialog.setConfirmText("No-show");
        dialog.setConfirmButtonTheme("error primary");
        dialog.addConfirmListener(e -> run(() -> queue.noShow(entry.id())));
        dialog.open();
    }

    void transfer(QueueEntryView entry, List<DoctorSummary> doctors) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle("Transfer " + entry.token() + " · " + entry.patientName());
        Select<DoctorSummary> to = new Select<>();
        to.setLabel("To doctor");
        to.setId("transfer-doctor");
        to.setItems(doctors.stream().filter(d -> !d.id().equals(entry.doctorId())).toList());
        to.setItemLabelGenerator(d -> d.displayName() + " · " + d.specialty().name() + " · room " + d.room());
        to.setWidthFull();
        TextField reason = new TextField("Reason");
        reason.setId("transfer-reason");
        reason.setWidthFull();
        reason.setMaxLength(300);
        Paragraph keeps = new Paragraph("They keep their token, their arrival time and their priority.");
        keeps.addClassName("clinic-hint");
        dialog.add(new Div(to, reason, keeps));
        Button confirm = new Button("Transfer", click -> {
            if (to.getValue() == null) {
                to.setErrorMessage("Choose the doctor");
                to.setInvalid(true);
                return;
            }
            try {
                queue.transfer(entry.id(), to.getValue().id(), reason.getValue());
                dialog.close();
                changed.run();
            } catch (RuleViolation violation) {
                new FieldMessages().bind("reason", reason).bind("doctorId", to).show(violation);
            }
        });
        confirm.setId("confirm-transfer");
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(new Button("Cancel", click -> dialog.close()), confirm);
        dialog.open();
    }

    void changePriority(QueueEntryView entry) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle("Priority of " + entry.token() + " · " + entry.patientName());
        Select<Lane> lane = new Select<>();
        lane.setLabel("Lane");
        lane.setId("priority-lane");
        lane.setItems(Lane.values());
        lane.setItemLabelGenerator(Lane::label);
        lane.setValue(entry.lane());
        TextField reason = new TextField("Reason");
        reason.setId("priority-reason");
        reason.setWidthFull();
        reason.setMaxLength(200);
        reason.setRequired(true);
        dialog.add(new Div(lane, reason));
        Button confirm = new Button("Change priority", click -> {
            try {
                queue.changePriority(entry.id(), lane.getValue(), reason.getValue());
                dialog.close();
                changed.run();
            } catch (RuleViolation violation) {
                new FieldMessages().bind("reason", reason).show(violation);
            }
        });
        confirm.setId("confirm-priority");
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(new Button("Cancel", click -> dialog.close()), confirm);
        dialog.open();
    }

    /** A compact menu of what applies to a waiting or called patient. */
    com.vaadin.flow.component.Component buttons(QueueEntryView entry, List<DoctorSummary> doctors) {
        com.vaadin.flow.component.menubar.MenuBar menu = new com.vaadin.flow.component.menubar.MenuBar();
        menu.addThemeVariants(com.vaadin.flow.component.menubar.MenuBarVariant.LUMO_TERTIARY_INLINE,
                com.vaadin.flow.component.menubar.MenuBarVariant.LUMO_ICON,
                com.vaadin.flow.component.menubar.MenuBarVariant.LUMO_SMALL);
        menu.addClassName("clinic-queue-actions");
        var root = menu.addItem(new com.vaadin.flow.component.icon.Icon(
                com.vaadin.flow.component.icon.VaadinIcon.ELLIPSIS_DOTS_V));
        root.setAriaLabel("Actions for " + entry.token());
        var items = root.getSubMenu();
        if (entry.status() == QueueStatus.WAITING || entry.status() == QueueStatus.CALLED) {
            items.addItem("Not present", click -> notPresent(entry));
            items.addItem("Transfer…", click -> transfer(entry, doctors));
            items.addItem("No-show…", click -> confirmNoShow(entry));
        }
        if (entry.status() == QueueStatus.WAITING) {
            items.addItem("Change priority…", click -> changePriority(entry));
        }
        if (entry.status() == QueueStatus.CALLED) {
            items.addItem("Return to queue", click -> run(() -> queue.returnToQueue(entry.id())));
        }
        return menu;
    }
}
