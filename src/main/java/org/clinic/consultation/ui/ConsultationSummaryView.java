package org.clinic.consultation.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.clinic.base.ClinicSettings;
import org.clinic.base.NotFoundException;
import org.clinic.consultation.Consultation;
import org.clinic.consultation.ConsultationContent;
import org.clinic.consultation.ConsultationRecords;
import org.clinic.consultation.ConsultationStatus;
import org.clinic.consultation.PrescriptionLine;
import org.clinic.security.BreakTheGlassRequired;
import org.clinic.security.Role;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.access.AccessDeniedException;

import java.time.ZoneId;
import java.util.UUID;

/**
 * The visit summary and prescription on paper: the clinic's header, the patient, the doctor, vitals, diagnosis,
 * prescription, advice and follow-up. The print stylesheet prints this page alone, without the application around
 * it. Doctors only.
 */
@Route("consultations/:consultationId/summary")
@PageTitle("Visit summary · Clinic") // never the patient's name: titles land in browser history
@RolesAllowed(Role.DOCTOR_NAME)
public class ConsultationSummaryView extends Main implements BeforeEnterObserver {

    private final ConsultationRecords consultations;
    private final String clinicName;
    private final ZoneId zone;
    private final Div sheet = new Div();
    private final Anchor back = new Anchor("", "Back to the consultation");
    private @Nullable Consultation consultation;

    public ConsultationSummaryView(ConsultationRecords consultations, ClinicSettings settings,
                                   @Value("${clinic.name:Clinic}") String clinicName) {
        this.consultations = consultations;
        this.clinicName = clinicName;
        this.zone = settings.timeZone();
        addClassNames("clinic-page", "clinic-summary-page");
        Button print = new Button("Print", new Icon(VaadinIcon.PRINT), click -> print());
        print.setId("print");
        print.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        back.setId("back-to-consultation");
        Div tools = new Div(back, print);
        tools.addClassNames("clinic-no-print", "clinic-summary-tools");
        sheet.setId("visit-summary");
        sheet.addClassName("clinic-print-summary");
        add(tools, sheet);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        try {
            consultation = consultations.summary(UUID.fromString(event.getRouteParameters().get("consultationId")
                    .orElse("")));
        } catch (IllegalArgumentException | AccessDeniedException notYours) {
            throw new NotFoundException("No consultation with this id");
        } catch (BreakTheGlassRequired noReasonYet) {
            event.forwardTo("patients/" + noReasonYet.patientId()); // the record asks why, then opens
            return;
        }
        render(consultation);
    }

    /** The printout is logged before the browser's print dialog opens. */
    private void print() {
        Consultation shown = consultation;
        if (shown == null) {
            return;
        }
        consultations.printed(shown.id());
        getUI().ifPresent(ui -> ui.getPage().executeJs("window.print()"));
    }

    private void render(Consultation c) {
        sheet.removeAll();
        ConsultationContent content = c.content();
        Div header = new Div();
        header.addClassName("clinic-summary-header");
        H1 clinic = new H1(clinicName);
        clinic.setId("summary-clinic");
        header.add(clinic, new Span("Visit summary and prescription"));
        sheet.add(header);
        if (c.status() == ConsultationStatus.DRAFT) {
            Div draft = new Div(new Span("DRAFT: not completed, not valid as a prescription"));
            draft.addClassName("clinic-summary-draft");
            sheet.add(draft);
        }
        Div who = new Div(
                fact("Patient", c.patientName()), fact("MRN", org.clinic.patient.Mrn.display(c.patientMrn())),
                fact("Date", ConsultationText.DATE.format(c.visitDate())),
                fact("Doctor", c.doctorName() + ", " + c.specialty() + (c.room().isBlank() ? "" : " · room " + c.room())));
        who.addClassName("clinic-summary-facts");
        sheet.add(who);
        section("Vitals", ConsultationText.vitalsLine(content.vitals(), c.patientAge()));
        section("Chief complaint", content.chiefComplaint());
        section("Diagnosis", content.diagnosis() == null ? null
                : content.diagnosis() + (content.diagnosisCode() == null ? "" : " (" + content.diagnosisCode() + ")"));
        Div rx = new Div(new H3("℞ Prescription"));
        rx.addClassName("clinic-summary-section");
        if (content.prescription().isEmpty()) {
            rx.add(new Paragraph("No medicines prescribed."));
        } else {
            var list = new com.vaadin.flow.component.html.OrderedList();
            list.setId("summary-prescription");
            for (PrescriptionLine line : content.prescription()) {
                list.add(new com.vaadin.flow.component.html.ListItem(ConsultationText.line(line)));
            }
            rx.add(list);
        }
        sheet.add(rx);
        section("Advice", content.advice());
        section("Follow-up", content.followUpOn() == null ? null : ConsultationText.DATE.format(content.followUpOn())
                + (content.followUpNote() == null ? "" : ": " + content.followUpNote()));
        for (Consultation.Addendum addendum : c.addenda()) {
            section("Addendum · " + addendum.authorName() + " · " + ConsultationText.when(addendum.writtenAt(), zone),
                    addendum.text());
        }
        Div signature = new Div(new Span(c.doctorName()), new Span(c.completedAt() == null ? "Draft"
                : "Completed " + ConsultationText.when(c.completedAt(), zone)));
        signature.addClassName("clinic-summary-signature");
        sheet.add(signature);
        back.setHref("consultations/" + c.id());
    }

    private void section(String title, @Nullable String text) {
        if (text == null || text.isBlank()) {
            return;
        }
        Div section = new Div(new H3(title), new Paragraph(text));
        section.addClassName("clinic-summary-section");
        sheet.add(section);
    }

    private static Div fact(String label, String value) {
        Span l = new Span(label);
        l.addClassName("clinic-detail-label");
        Span v = new Span(value);
        v.addClassName("clinic-detail-value");
        return new Div(l, v);
    }
}
