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
 * {@link CurrentMedications} (doctors only, logged) when shown. On the patient record it reads again when one of the
 * patient's consultations changes; on the consultation screen ({@link #compact()}) it reads once when the
 * consultation opens, since every autosave of the draft would otherwise read (and log) it again.
 */
public class CurrentMedicationsPanel extends Div {

    private final CurrentMedications medications;
    private final LiveUpdates liveUpdates;
    private final UnorderedList list = new UnorderedList();
    private final Span how;
    private @Nullable UUID patientId;
    private boolean live = true;
    private final Span empty = new Span("No current medications from this clinic's prescriptions.");
    private @Nullable Registration subscription;

    public CurrentMedicationsPanel(CurrentMedications medications, LiveUpdates liveUpdates) {
        this.medications = medications;
        this.liveUpdates = liveUpdates;
        setId("current-medications");
        addClassName("clinic-medications");
        list.addClassName("clinic-medication-list");
        empty.addClassName("clinic-hint-inline");
        how = new Span("From completed consultations' prescriptions whose course has not run out. A medicine "
                + "whose duration names no end (\"ongoing\", or not readable) counts for "
                + MedicationCourse.ASSUMED.getDays() + " days.");
        how.addClassName("clinic-hint-inline");
        how.addClassName("clinic-medications-how");
        add(new H3("Current medications"), list, empty, how);
    }

    /** The consultation screen's form: the list alone, read once, the explanation as a tooltip. */
    public CurrentMedicationsPanel compact() {
        live = false;
        addClassNames("clinic-card", "clinic-medications-compact");
        how.setVisible(false);
        getElement().setAttribute("title", how.getText());
        return this;
    }

    /** Shows this patient's current medications (read now if shown, else when attached). */
    public void show(UUID patient) {
        boolean changed = !patient.equals(patientId);
        patientId = patient;
        if (changed && isAttached()) {
            refresh();
        }
    }

    private void refresh() {
        UUID patient = patientId;
        if (patient == null) {
            return;
        }
        List<CurrentMedication> current = medications.of(patient);
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
        if (live) {
            subscription = liveUpdates.subscribe(attachEvent.getUI(), ConsultationChanged.class,
                    changed -> changed.patientId().equals(patientId), this::refresh);
        }
    }

    @Override
    protected void onDetach(DetachEvent detachEvent) {
        if (subscription != null) {
            subscription.remove();
            subscription = null;
        }
    }
}
