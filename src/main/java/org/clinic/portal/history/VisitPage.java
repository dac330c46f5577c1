package org.clinic.portal.history;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import jakarta.annotation.security.RolesAllowed;
import org.clinic.portal.ui.PortalLayout;
import org.clinic.base.ClinicSettings;
import org.clinic.base.NotFoundException;
import org.clinic.consultation.Consultation;
import org.clinic.consultation.OwnVisits;
import org.clinic.consultation.PatientVisit;
import org.clinic.consultation.PrescriptionLine;
import org.clinic.security.CurrentPatient;

import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.clinic.portal.history.MyVisitsPage.DATE;
import static org.clinic.portal.history.MyVisitsPage.line;

/**
 * One completed visit as the patient keeps it: diagnosis, medicines with how to take them, advice, follow-up and
 * later notes from the doctor; printable on one page. Another patient's visit, or a draft, is "not found".
 */
@Route(value = "portal/visits/:visitId", layout = PortalLayout.class)
@PageTitle("Visit summary · Patient portal")
@RolesAllowed(CurrentPatient.ROLE_NAME)
@StyleSheet("styles/portal-care.css")
public class VisitPage extends Div implements BeforeEnterObserver {

    private static final DateTimeFormatter WRITTEN = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);

    private final OwnVisits visits;
    private final java.time.ZoneId zone;

    public VisitPage(OwnVisits visits, ClinicSettings clinic) {
        this.visits = visits;
        this.zone = clinic.timeZone();
        addClassNames("portal-page", "portal-visit");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        UUID visitId;
        try {
            visitId = UUID.fromString(event.getRouteParameters().get("visitId").orElse(""));
        } catch (IllegalArgumentException notAnId) {
            throw new NotFoundException("No visit with this id");
        }
        PatientVisit visit = visits.visit(visitId); // another patient's or a draft: not found, shown as such
        removeAll();
        RouterLink back = new RouterLink("All my visits", MyVisitsPage.class);
        back.addClassName("portal-back-link");
        Button print = new Button("Print", VaadinIcon.PRINT.create(),
                e -> getElement().executeJs("window.print()"));
        print.addClassName("portal-action");
        print.setId("portal-print");
        Div top = new Div(back, print);
        top.addClassName("portal-visit-top");
        add(top, new H1("Visit on " + DATE.format(visit.date())),
                line(visit.doctorName() + " · " + visit.specialty(), "portal-subtitle"));
        section("Diagnosis", new Paragraph(visit.diagnosis() == null ? "Not recorded"
                : visit.diagnosis() + (visit.diagnosisCode() == null ? "" : " (" + visit.diagnosisCode() + ")")));
        if (!visit.prescription().isEmpty()) {
            UnorderedList medicines = new UnorderedList();
            medicines.addClassName("portal-medicines");
            visit.prescription().forEach(m -> medicines.add(medicine(m)));
            section("Medicines", medicines);
        }
        if (visit.advice() != null) {
            section("Advice", new Paragraph(visit.advice()));
        }
        if (visit.followUpOn() != null) {
            section("Come back", new Paragraph("On or around " + DATE.format(visit.followUpOn())
                    + (visit.followUpNote() == null ? "" : ": " + visit.followUpNote())));
        }
        if (!visit.addenda().isEmpty()) {
            Div notes = new Div();
            for (Consultation.Addendum addendum : visit.addenda()) {
                Div note = new Div(new Paragraph(addendum.text()), line(addendum.authorName() + ", "
                        + WRITTEN.format(addendum.writtenAt().atZone(zone)),
                        "portal-hint"));
                note.addClassName("portal-addendum");
                notes.add(note);
            }
            section("Added later by your doctor", notes);
        }
    }

    private void section(String title, com.vaadin.flow.component.Component content) {
        Div section = new Div(new H2(title), content);
        section.addClassNames("portal-card", "portal-visit-section");
        add(section);
    }

    private static ListItem medicine(PrescriptionLine line) {
        String name = Stream.of(line.medicine(), line.strength()).filter(Objects::nonNull)
                .collect(Collectors.joining(" "));
        String how = Stream.of(line.dose(), line.frequency(), line.duration(), line.quantity()).filter(Objects::nonNull)
                .collect(Collectors.joining(", "));
        ListItem item = new ListItem(line(name, "portal-medicine"), line(how, null));
        if (line.instructions() != null) {
            item.add(line(line.instructions(), "portal-hint"));
        }
        return item;
    }
}
