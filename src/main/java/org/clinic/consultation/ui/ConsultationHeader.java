package org.clinic.consultation.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import org.clinic.consultation.Consultation;
import org.clinic.consultation.ConsultationStatus;
import org.clinic.consultation.RecordedWeight;
import org.clinic.consultation.Vital;
import org.clinic.patient.Mrn;
import org.clinic.patient.Sex;
import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;

/**
 * The top of the consultation screen: whose consultation it is (name, age on the day, sex, latest weight, facts), its
 * status, whether the draft is saved, and a slot for the clinical safety strip (allergies, alerts) contributed by
 * another part of the clinic.
 */
final class ConsultationHeader extends Div {

    private static final DateTimeFormatter SHORT_DATE = DateTimeFormatter.ofPattern("d MMM yyyy");

    private final ZoneId zone;
    private final H2 patientName = new H2();
    private final Span age = new Span();
    private final Span born = new Span();
    private final Span sex = new Span();
    private final Span weight = new Span();
    private @Nullable RecordedWeight earlierWeight;
    private final Span facts = new Span();
    private final Div statusSlot = new Div();
    private final Span saveStatus = new Span();
    private final Anchor patientHistory = new Anchor("", "Patient history");
    private final Div safety = new Div();

    ConsultationHeader(ZoneId zone) {
        this.zone = zone;
        patientName.setId("consultation-patient");
        facts.addClassName("clinic-hint");
        facts.setId("consultation-facts");
        age.setId("consultation-age");
        born.setId("consultation-born");
        born.addClassName("clinic-born");
        sex.setId("consultation-sex");
        weight.setId("consultation-weight");
        Div demographics = new Div(age, born, sex, weight);
        demographics.setId("consultation-demographics");
        demographics.addClassName("clinic-consultation-demographics");
        saveStatus.setId("save-status");
        saveStatus.addClassName("clinic-save-status");
        Div who = new Div(patientName, statusSlot);
        who.addClassName("clinic-consultation-who");
        patientHistory.setId("patient-history-link");
        Div headerRight = new Div(saveStatus, patientHistory);
        headerRight.addClassName("clinic-consultation-header-right");
        safety.setId("consultation-safety");
        safety.addClassName("clinic-consultation-safety");
        safety.setVisible(false);
        add(new Div(who, demographics, facts), headerRight, safety);
        addClassNames("clinic-card", "clinic-consultation-header");
    }

    /** Where the allergies and alerts strip goes; the header shows the slot once something is in it. */
    void addSafetyStrip(Component strip) {
        safety.add(strip);
        safety.setVisible(true);
    }

    /**
     * Shows the consultation.
     *
     * @param earlier the patient's latest weight from an earlier visit, shown while this consultation has none
     */
    void show(Consultation c, @Nullable RecordedWeight earlier) {
        this.earlierWeight = earlier;
        var patientAge = c.patientAge();
        age.setText(patientAge.text());
        age.setTitle("Age on the day of this consultation");
        born.setText(c.patientBirthDateEstimated() ? "(born about " + c.patientBirthDate().getYear() + ")"
                : "(born " + SHORT_DATE.format(c.patientBirthDate()) + ")");
        sex.setText(sexText(c.patientSex()));
        weightEntered(c.content().vitals().weight());
        patientName.removeAll();
        Anchor name = new Anchor("patients/" + c.patientId(), c.patientName());
        name.setTitle("Open the patient's record and history");
        patientName.add(name);
        statusSlot.removeAll();
        statusSlot.add(ConsultationText.status(c.status()));
        facts.setText("MRN " + Mrn.display(c.patientMrn()) + (c.token() == null ? "" : " · token " + c.token())
                + " · " + c.doctorName() + ", " + c.specialty() + " · started "
                + ConsultationText.when(c.startedAt(), zone));
        patientHistory.setHref("patients/" + c.patientId() + "#patient-consultations");
        if (c.status() == ConsultationStatus.COMPLETED) {
            saveStatus.setText("Completed by " + c.completedBy() + " · "
                    + ConsultationText.when(Objects.requireNonNull(c.completedAt()), zone) + " · locked");
        } else if (!c.treatingDoctor()) {
            saveStatus.setText("Read only: " + c.doctorName() + "'s consultation");
        } else {
            saveStatus.setText("Saved " + ConsultationText.TIME.format(c.savedAt().atZone(zone)));
        }
    }

    /** The weight typed in this consultation (null: none, so the latest earlier one is shown, with its date). */
    void weightEntered(@Nullable Double kg) {
        if (kg != null && Vital.WEIGHT.problem(kg).isEmpty()) {
            weight.setText("Weight " + Vital.WEIGHT.format(kg) + " kg at this visit");
        } else if (earlierWeight != null) {
            weight.setText("Weight " + Vital.WEIGHT.format(earlierWeight.kg()) + " kg on "
                    + SHORT_DATE.format(earlierWeight.on()));
        } else {
            weight.setText("No weight recorded");
        }
    }

    private static String sexText(Sex sex) {
        return switch (sex) {
            case FEMALE, MALE -> sex.label();
            case OTHER -> "Sex: other";
            case UNKNOWN -> "Sex not recorded";
        };
    }

    /** After a draft save: the time, and which vitals were left out because they are refused. */
    void saved(Instant at, List<String> refused) {
        saveStatus.setText("Saved " + ConsultationText.TIME.format(at.atZone(zone))
                + (refused.isEmpty() ? "" : " · not saved: " + String.join(", ", refused)));
        saveStatus.getElement().setAttribute("data-state", refused.isEmpty() ? "saved" : "partly");
    }

    void notSaved(String text) {
        saveStatus.setText(text);
        saveStatus.getElement().setAttribute("data-state", "error");
    }
}
