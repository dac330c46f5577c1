package org.clinic.consultation.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.shared.Registration;
import org.clinic.base.LiveUpdates;
import org.clinic.consultation.ConsultationChanged;
import org.clinic.consultation.CurrentMedication;
import org.clinic.consultation.CurrentMedications;
import org.clinic.consultation.MedicationCourse;
import org.jspecify.annotations.Nullable;

import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A patient's current medications, newest first, each with its course and who prescribed it when; read through
 * {@link CurrentMedications} (doctors only, logged) when shown, and again when one of the patient's consultations
 * changes. On the patient record and, compact, on the consultation screen.
 */
public class CurrentMedicationsPanel extends Div {

    private final CurrentMedications medications;
    private final LiveUpdates liveUpdates;
    private final UUID patientId;
    private final UnorderedList list = new UnorderedList();
    private final Span empty = new Span("No current medications from this clinic's prescriptions.");
    private @Nullable Registration subscription;

    public CurrentMedicationsPanel(CurrentMedications medications, LiveUpdates liveUpdates, UUID patientId) {
        this.medications = medications;
        this.liveUpdates = liveUpdates;
        this.patientId = patientId;
        setId("current-medications");
        addClassName("clinic-medications");
        list.addClassName("clinic-medication-list");
        empty.addClassName("clinic-hint-inline");
        Span how = new Span("From completed consultations' prescriptions whose course has not run out. A medicine "
                + "whose duration names no end (\"ongoing\", or not readable) counts for "
                + MedicationCourse.ASSUMED.getDays() + " days.");
        how.addClassName("clinic-hint-inline");
        how.addClassName("clinic-medications-how");
        add(new H3("Current medications"), list, empty, how);
    }

    private void refresh() {
        List<CurrentMedication> current = medications.of(patientId);
        list.removeAll();
        current.forEach(m -> list.add(item(m)));
        list.setVisible(!current.isEmpty());
        empty.setVisible(current.isEmpty());
    }

    private static ListItem item(CurrentMedication m) {
        Span what = new Span(Stream.of(m.medicine(), m.strength()).filter(s -> s != null && !s.isBlank())
                .collect(Collectors.joining(" ")));
        what.addClassName("clinic-medication-name");
        String how = Stream.of(m.dose(), m.frequency()).filter(s -> s != null && !s.isBlank())
                .collect(Collectors.joining(", "));
        Span regimen = new Span(how);
        MedicationCourse course = m.course();
        Span until = new Span(course.assumed()
                ? (m.duration() == null || m.duration().isBlank() ? "no duration given" : m.duration())
                + " · counted until " + PrescriptionSheet.PAPER_DATE.format(course.lastDay())
                : "until " + PrescriptionSheet.PAPER_DATE.format(course.lastDay()) + " (" + m.duration() + ")");
        until.addClassName("clinic-medication-until");
        if (course.assumed()) {
            until.getElement().setAttribute("data-assumed", "true");
        }
        Span who = new Span(m.prescribedBy() + ", " + PrescriptionSheet.PAPER_DATE.format(course.from()));
        who.addClassName("clinic-hint-inline");
        ListItem item = new ListItem(what, regimen, until, who);
        item.addClassName("clinic-medication");
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
            subscription = null;
        }
    }
}
