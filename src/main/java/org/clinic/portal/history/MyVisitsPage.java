package org.clinic.portal.history;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AttachmentType;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.shared.Registration;
import jakarta.annotation.security.RolesAllowed;
import org.clinic.portal.ui.PortalLayout;
import org.clinic.base.LiveUpdates;
import org.clinic.base.RuleViolation;
import org.clinic.consultation.OwnVisits;
import org.clinic.consultation.PatientVisit;
import org.clinic.export.ExportProgressed;
import org.clinic.export.ExportDownloads;
import org.clinic.export.ExportService;
import org.clinic.export.ExportState;
import org.clinic.export.ExportSummary;
import org.clinic.security.CurrentStaff;
import org.clinic.security.CurrentPatient;
import org.jspecify.annotations.Nullable;

import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * The patient's completed visits, newest first, each opening its summary; and "Download my history", the back
 * office's asynchronous export of their own visits as a spreadsheet file, followed live until it is ready.
 */
@Route(value = "portal/visits", layout = PortalLayout.class)
@PageTitle("My visits · Patient portal")
@RolesAllowed(CurrentPatient.ROLE_NAME)
@StyleSheet("styles/portal-care.css")
public class MyVisitsPage extends Div {

    static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH);

    private final OwnVisits visits;
    private final ExportService exports;
    private final LiveUpdates liveUpdates;
    private final String me;
    private final Div list = new Div();
    private final Div export = new Div();
    private @Nullable Registration subscription;

    public MyVisitsPage(OwnVisits visits, ExportService exports, LiveUpdates liveUpdates, CurrentStaff currentStaff) {
        this.visits = visits;
        this.exports = exports;
        this.liveUpdates = liveUpdates;
        this.me = currentStaff.usernameForAudit();
        addClassNames("portal-page", "portal-visits");
        list.addClassName("portal-list");
        export.addClassNames("portal-card", "portal-export");
        export.setId("portal-export");
        add(new H1("My visits"), list, export);
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        List<PatientVisit> done = visits.visits();
        list.removeAll();
        if (done.isEmpty()) {
            Paragraph none = new Paragraph("Your completed visits will appear here.");
            none.addClassName("portal-empty");
            list.add(none);
        }
        done.forEach(v -> list.add(card(v)));
        showExport();
        subscription = liveUpdates.subscribe(attachEvent.getUI(), ExportProgressed.class,
                changed -> changed.requestedBy().equals(me), this::showExport);
    }

    @Override
    protected void onDetach(DetachEvent detachEvent) {
        if (subscription != null) {
            subscription.remove();
            subscription = null;
        }
    }

    private static RouterLink card(PatientVisit visit) {
        RouterLink card = new RouterLink();
        card.setRoute(VisitPage.class, new RouteParameters("visitId", visit.id().toString()));
        card.addClassNames("portal-card", "portal-visit-link");
        card.add(line(DATE.format(visit.date()), "portal-when"),
                line(visit.doctorName() + " · " + visit.specialty(), null),
                line(visit.diagnosis() == null ? "No diagnosis recorded" : visit.diagnosis(), "portal-diagnosis"));
        return card;
    }

    private void showExport() {
        export.removeAll();
        H2 title = new H2("Download my history");
        title.addClassName("portal-step-title");
        export.add(title, line("Every completed visit as one spreadsheet file (CSV), to keep or to give to another "
                + "doctor. Your download is recorded.", "portal-hint"));
        ExportSummary latest = exports.ownExports().stream().findFirst().orElse(null);
        if (latest != null && latest.state() == ExportState.RUNNING) {
            export.add(line("Preparing your file… " + latest.rowsDone() + " visits so far", "portal-status"));
            return;
        }
        if (latest != null && latest.state() == ExportState.READY) {
            String visits = latest.rowsDone() == 1 ? "1 visit" : latest.rowsDone() + " visits";
            Anchor file = new Anchor(ExportDownloads.of(exports, latest.id()), AttachmentType.DOWNLOAD,
                    "Save the file (" + visits + ")");
            file.addClassName("portal-download");
            file.setId("portal-download");
            export.add(file);
        }
        Button start = new Button(latest == null ? "Prepare my file" : "Prepare a new file",
                VaadinIcon.DOWNLOAD_ALT.create(), e -> {
            try {
                exports.exportOwnHistory();
                showExport();
            } catch (RuleViolation refused) {
                export.add(line(refused.getMessage(), "portal-problem"));
            }
        });
        start.setId("portal-export-start");
        start.addClassName("portal-action");
        start.setDisableOnClick(true);
        export.add(start);
    }


    static Span line(String text, @Nullable String className) {
        Span span = new Span(text);
        span.addClassName("portal-line");
        if (className != null) {
            span.addClassName(className);
        }
        return span;
    }
}
