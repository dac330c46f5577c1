package org.clinic.export.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.spring.security.AuthenticationContext;
import com.vaadin.flow.theme.lumo.LumoUtility;
import org.clinic.export.ExportService;
import org.clinic.export.ExportSummary;
import org.clinic.patient.PatientRecordSection;
import org.clinic.security.Role;
import org.springframework.core.annotation.Order;

import java.util.UUID;

/**
 * The patient record's "Export history (CSV)" button, for doctors only (other staff see nothing of it). The export
 * runs in the background; the button's note links to the Exports screen, where progress and the file are.
 */
@org.springframework.stereotype.Component
@Order(19)
class PatientExportSection implements PatientRecordSection {

    private final ExportService exports;
    private final AuthenticationContext authentication;

    PatientExportSection(ExportService exports, AuthenticationContext authentication) {
        this.exports = exports;
        this.authentication = authentication;
    }

    @Override
    public Component render(UUID patientId) {
        Div section = new Div();
        section.setId("patient-export");
        if (!authentication.hasRole(Role.DOCTOR_NAME)) {
            section.setVisible(false);
            return section;
        }
        section.addClassName("clinic-card");
        section.addClassNames(LumoUtility.Display.FLEX, LumoUtility.FlexWrap.WRAP, LumoUtility.AlignItems.CENTER,
                LumoUtility.Gap.MEDIUM, LumoUtility.Padding.Vertical.SMALL, LumoUtility.Margin.Vertical.MEDIUM);
        Span note = new Span("Every completed consultation of this patient, one row per visit, as a spreadsheet "
                + "file. Exports are recorded.");
        note.addClassName("clinic-hint-inline");
        Button export = new Button("Export history (CSV)", VaadinIcon.DOWNLOAD_ALT.create());
        export.setId("export-history");
        export.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        export.addClickListener(e -> {
            ExportSummary started = exports.exportPatient(patientId);
            note.removeAll();
            note.add(new Span(started.running() ? "Export started. " : "Export ready. "),
                    new Anchor("exports", "Follow it under Exports"));
        });
        section.add(export, note);
        return section;
    }
}
