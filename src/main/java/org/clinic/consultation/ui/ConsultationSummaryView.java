package org.clinic.consultation.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.clinic.base.ClinicSettings;
import org.clinic.base.NotFoundException;
import org.clinic.consultation.ConsultationRecords;
import org.clinic.consultation.PrescriptionPrintouts;
import org.clinic.consultation.PrintedPrescription;
import org.clinic.security.BreakTheGlassRequired;
import org.clinic.security.Role;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.AccessDeniedException;

import java.time.ZoneId;
import java.util.UUID;

/**
 * The prescription and visit summary on paper ({@link PrescriptionSheet}), with a Print button and the way back.
 * The print stylesheet prints the sheet alone, without the application around it. Doctors only.
 */
@Route("consultations/:consultationId/summary")
@PageTitle("Visit summary · Clinic") // never the patient's name: titles land in browser history
@RolesAllowed(Role.DOCTOR_NAME)
@StyleSheet("styles/prescription.css")
public class ConsultationSummaryView extends Main implements BeforeEnterObserver {

    private final PrescriptionPrintouts printouts;
    private final org.clinic.clinical.SafetyRecords safetyRecords;
    private final ConsultationRecords consultations;
    private final ZoneId zone;
    private final PrescriptionSheet sheet = new PrescriptionSheet();
    private final Anchor back = new Anchor("", "Back to the consultation");
    private @Nullable PrintedPrescription shown;

    public ConsultationSummaryView(PrescriptionPrintouts printouts, ConsultationRecords consultations,
                                   ClinicSettings settings, org.clinic.clinical.SafetyRecords safetyRecords) {
        this.safetyRecords = safetyRecords;
        this.printouts = printouts;
        this.consultations = consultations;
        this.zone = settings.timeZone();
        addClassNames("clinic-page", "clinic-summary-page");
        Button print = new Button("Print", new Icon(VaadinIcon.PRINT), click -> print());
        print.setId("print");
        print.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        back.setId("back-to-consultation");
        Div tools = new Div(back, print);
        tools.addClassNames("clinic-no-print", "clinic-summary-tools");
        add(tools, sheet);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        try {
            shown = printouts.sheet(UUID.fromString(event.getRouteParameters().get("consultationId").orElse("")));
        } catch (IllegalArgumentException | AccessDeniedException notYours) {
            throw new NotFoundException("No consultation with this id");
        } catch (BreakTheGlassRequired noReasonYet) {
            event.forwardTo("patients/" + noReasonYet.patientId()); // the record asks why, then opens
            return;
        }
        sheet.show(shown, zone);
        // the patient's active allergies as they are now (what the pharmacist must know), read and logged
        org.clinic.clinical.PatientSafety safety = safetyRecords.of(shown.consultation().patientId());
        sheet.allergies(safety.activeAllergies().stream().map(org.clinic.clinical.Allergy::summary).toList(),
                safety.allergyStatus() == org.clinic.clinical.AllergyStatus.NO_KNOWN);
        back.setHref("consultations/" + shown.consultation().id());
    }

    /** The printout is logged before the browser's print dialog opens. */
    private void print() {
        PrintedPrescription printed = shown;
        if (printed == null) {
            return;
        }
        consultations.printed(printed.consultation().id());
        getUI().ifPresent(ui -> ui.getPage().executeJs("window.print()"));
    }
}
