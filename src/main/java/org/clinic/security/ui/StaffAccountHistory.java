package org.clinic.security.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import org.clinic.security.StaffAccountChangeEntry;
import org.clinic.security.StaffAccountService;
import org.clinic.security.StaffAccountSummary;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** Everything done to one staff account, newest first: when, by whom, what. */
final class StaffAccountHistory extends Dialog {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm:ss");

    StaffAccountHistory(StaffAccountService service, StaffAccountSummary account, ZoneId zone) {
        setHeaderTitle("History of " + account.displayName() + " (" + account.username() + ")");
        setId("account-history");
        Grid<StaffAccountChangeEntry> changes = new Grid<>();
        changes.addColumn(c -> WHEN.format(c.at().atZone(zone))).setHeader("When").setAutoWidth(true);
        changes.addColumn(StaffAccountChangeEntry::changedBy).setHeader("By").setAutoWidth(true);
        changes.addColumn(StaffAccountChangeEntry::description).setHeader("What").setFlexGrow(1);
        changes.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        changes.setItems(service.history(account.id()));
        changes.setAllRowsVisible(true);
        changes.setEmptyStateText("No changes recorded");
        setWidth("min(52rem, 95vw)");
        add(changes);
        getFooter().add(new Button("Close", click -> close()));
    }
}
