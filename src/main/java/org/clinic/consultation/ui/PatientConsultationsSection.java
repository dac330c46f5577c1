package org.clinic.consultation.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.shared.Registration;
import com.vaadin.flow.spring.security.AuthenticationContext;
import org.clinic.base.ClinicSettings;
import org.clinic.base.LiveUpdates;
import org.clinic.consultation.Consultation;
import org.clinic.consultation.ConsultationChanged;
import org.clinic.consultation.ConsultationRecords;
import org.clinic.consultation.PrescriptionLine;
import org.clinic.consultation.Visit;
import org.clinic.patient.PatientRecordSection;
import org.clinic.security.Role;
import org.jspecify.annotations.Nullable;
import org.springframework.core.annotation.Order;

import java.time.ZoneId;
import java.util.UUID;

/**
 * The patient record's consultations. Doctors see the timeline of completed consultations (vitals over time,
 * flagged by the age at each visit and drawn as a chart; diagnoses, prescriptions, addenda); other staff see only
 * that visits happened, when and with whom, read through a service method that returns nothing clinical. Updated
 * live.
 */
@org.springframework.stereotype.Component
@Order(20)
class PatientConsultationsSection implements PatientRecordSection {

    private final ConsultationRecords consultations;
    private final LiveUpdates liveUpdates;
    private final AuthenticationContext authentication;
    private final ZoneId zone;

    PatientConsultationsSection(ConsultationRecords consultations, LiveUpdates liveUpdates,
                                AuthenticationContext authentication, ClinicSettings settings) {
        this.consultations = consultations;
        this.liveUpdates = liveUpdates;
        this.authentication = authentication;
        this.zone = settings.timeZone();
    }

    @Override
    public com.vaadin.flow.component.Component render(UUID patientId) {
        return new Section(patientId, authentication.hasRole(Role.DOCTOR_NAME));
    }

    private final class Section extends Div {
        private final UUID patientId;
        private final boolean doctor;
        private final Div body = new Div();
        private @Nullable Registration subscription;

        Section(UUID patientId, boolean doctor) {
            this.patientId = patientId;
            this.doctor = doctor;
            addClassName("clinic-card");
            setId("patient-consultations");
            add(new H3(doctor ? "Consultations" : "Visits"), body);
        }

        private void refresh() {
            body.removeAll();
            if (doctor) {
                timeline();
            } else {
                visits();
            }
        }

        private void visits() {
            Grid<Visit> grid = new Grid<>();
            grid.setId("patient-visits");
            grid.addColumn(v -> ConsultationText.when(v.startedAt(), zone)).setHeader("When").setAutoWidth(true);
            grid.addColumn(v -> v.doctorName() + " · " + v.specialty()).setHeader("Doctor").setFlexGrow(1);
            grid.addComponentColumn(v -> ConsultationText.status(v.status())).setHeader("Consultation")
                    .setAutoWidth(true);
            grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
            grid.setAllRowsVisible(true);
            grid.setEmptyStateText("No visits yet.");
            grid.setItems(consultations.visits(patientId));
            Span note = new Span("Clinical notes are visible to doctors only.");
            note.addClassName("clinic-hint-inline");
            body.add(grid, note);
        }

        private void timeline() {
            var history = consultations.history(patientId);
            if (history.isEmpty()) {
                Span none = new Span("No completed consultations yet.");
                none.addClassName("clinic-hint-inline");
                body.add(none);
                return;
            }
            body.add(new VitalsHistory(history));

            Div list = new Div();
            list.setId("consultation-timeline");
            list.addClassName("clinic-consultation-timeline");
            for (Consultation c : history) {
                list.add(entry(c));
            }
            body.add(new H4("Visits"), list);
        }

        private Div entry(Consultation c) {
            Div item = new Div();
            item.addClassName("clinic-visit-entry");
            item.getElement().setAttribute("data-consultation", c.id().toString());
            Span date = new Span(ConsultationText.DATE.format(c.visitDate()));
            date.addClassName("clinic-visit-date");
            Span doctorName = new Span(c.doctorName() + " · " + c.specialty());
            doctorName.addClassName("clinic-hint-inline");
            Anchor open = new Anchor("consultations/" + c.id(), "Open");
            Anchor print = new Anchor("consultations/" + c.id() + "/summary", "Summary");
            Div head = new Div(date, doctorName, open, print);
            head.addClassName("clinic-visit-head");
            item.add(head);
            String diagnosis = c.content().diagnosis() == null ? "No diagnosis recorded"
                    : c.content().diagnosis() + (c.content().diagnosisCode() == null ? ""
                    : " (" + c.content().diagnosisCode() + ")");
            Paragraph dx = new Paragraph(diagnosis);
            dx.addClassName("clinic-visit-diagnosis");
            item.add(dx);
            if (c.content().chiefComplaint() != null) {
                item.add(new Paragraph("Complaint: " + c.content().chiefComplaint()));
            }
            item.add(new Paragraph(ConsultationText.vitalsLine(c.content().vitals(), c.patientAge())));
            if (!c.content().prescription().isEmpty()) {
                UnorderedList rx = new UnorderedList();
                rx.addClassName("clinic-visit-rx");
                for (PrescriptionLine line : c.content().prescription()) {
                    rx.add(new ListItem("℞ " + ConsultationText.line(line)));
                }
                item.add(rx);
            }
            if (!c.addenda().isEmpty()) {
                Span addenda = new Span(c.addenda().size() == 1 ? "1 addendum" : c.addenda().size() + " addenda");
                addenda.addClassName("clinic-hint-inline");
                item.add(addenda);
            }
            return item;
        }

        @Override
        protected void onAttach(AttachEvent attachEvent) {
            refresh();
            subscription = liveUpdates.subscribe(attachEvent.getUI(), ConsultationChanged.class,
                    changed -> changed.patientId().equals(patientId), this::refresh);
        }

        @Override
        protected void onDetach(DetachEvent detachEvent) {
            if (subscription != null) {
                subscription.remove();
            }
        }
    }
}
