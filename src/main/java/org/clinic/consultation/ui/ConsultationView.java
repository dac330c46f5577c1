package org.clinic.consultation.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.HasValue;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.KeyModifier;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.textfield.TextFieldBase;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.shared.Registration;
import jakarta.annotation.security.RolesAllowed;
import org.clinic.base.ClinicSettings;
import org.clinic.base.LiveUpdates;
import org.clinic.base.NotFoundException;
import org.clinic.base.RuleViolation;
import org.clinic.base.ui.FieldMessages;
import org.clinic.consultation.Consultation;
import org.clinic.consultation.ConsultationChanged;
import org.clinic.consultation.ConsultationContent;
import org.clinic.consultation.ConsultationRecords;
import org.clinic.consultation.ConsultationRules;
import org.clinic.consultation.ConsultationService;
import org.clinic.consultation.ConsultationStatus;
import org.clinic.consultation.DiagnosisCode;
import org.clinic.consultation.PrescriptionLine;
import org.clinic.consultation.SavedDraft;
import org.clinic.consultation.Vital;
import org.clinic.consultation.Vitals;
import org.clinic.security.BreakTheGlassRequired;
import org.clinic.security.Role;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.AccessDeniedException;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The consultation: vitals, complaint, history and examination, diagnosis, prescription, advice and follow-up. The
 * draft is saved as the doctor types (a pause or leaving a field saves), each save based on the version this tab
 * read, so a second tab cannot silently overwrite. Complete locks it and finishes the visit; afterwards corrections
 * are addenda.
 */
@Route("consultations/:consultationId")
@PageTitle("Consultation · Clinic") // never the patient's name: titles land in browser history
@RolesAllowed(Role.DOCTOR_NAME)
public class ConsultationView extends Main implements BeforeEnterObserver {

    static final String PARAMETER = "consultationId";
    private static final int TEXT_SAVE_DELAY_MS = 900;

    private final ConsultationService consultations;
    private final ConsultationRecords records;
    private final LiveUpdates liveUpdates;
    private final ZoneId zone;

    private final H2 patientName = new H2();
    private final Span facts = new Span();
    private final Div statusSlot = new Div();
    private final Span saveStatus = new Span();
    private final Div banner = new Div();
    private final Map<Vital, VitalField> vitals = new EnumMap<>(Vital.class);
    private final Span bmi = new Span();
    private final TextField chiefComplaint = new TextField("Chief complaint");
    private final TextArea history = new TextArea("History");
    private final TextArea examination = new TextArea("Examination");
    private final ComboBox<DiagnosisCode> diagnosisCode = new ComboBox<>("Coded diagnosis (ICD-10)");
    private final TextField diagnosis = new TextField("Diagnosis");
    private final Div prescription = new Div();
    private final List<LineRow> lines = new ArrayList<>();
    private final Button addMedicine = new Button("Add medicine", new Icon(VaadinIcon.PLUS));
    private final TextArea advice = new TextArea("Advice");
    private final DatePicker followUpOn = new DatePicker("Follow-up on");
    private final TextField followUpNote = new TextField("Follow-up note");
    private final Button bookFollowUp = new Button("Book follow-up", new Icon(VaadinIcon.CALENDAR_CLOCK));
    private final Span followUpBooked = new Span();
    private final Button complete = new Button("Complete", new Icon(VaadinIcon.CHECK));
    private final Button completeAndNext = new Button("Complete and call next", new Icon(VaadinIcon.ARROW_FORWARD));
    private final Anchor summary = new Anchor("", "Print summary");
    private final Anchor patientHistory = new Anchor("", "Patient history");
    private final Div actions = new Div();
    private final Div addendaCard = new Div();
    private final Div addendaList = new Div();
    private final TextArea addendumText = new TextArea("Correction or addition");
    private final Button addAddendum = new Button("Add addendum", new Icon(VaadinIcon.PLUS_CIRCLE));

    private @Nullable UUID consultationId;
    private @Nullable Consultation consultation;
    private long version;
    private boolean loading;
    private boolean stale;
    private @Nullable Registration subscription;

    public ConsultationView(ConsultationService consultations, ConsultationRecords records, LiveUpdates liveUpdates,
                            ClinicSettings settings) {
        this.consultations = consultations;
        this.records = records;
        this.liveUpdates = liveUpdates;
        this.zone = settings.timeZone();
        addClassNames("clinic-page", "clinic-consultation");

        patientName.setId("consultation-patient");
        facts.addClassName("clinic-hint");
        facts.setId("consultation-facts");
        saveStatus.setId("save-status");
        saveStatus.addClassName("clinic-save-status");
        Div who = new Div(patientName, statusSlot);
        who.addClassName("clinic-consultation-who");
        patientHistory.setId("patient-history-link");
        Div headerRight = new Div(saveStatus, patientHistory);
        headerRight.addClassName("clinic-consultation-header-right");
        Div header = new Div(new Div(who, facts), headerRight);
        header.addClassNames("clinic-card", "clinic-consultation-header");
        banner.setId("consultation-banner");
        banner.addClassName("clinic-consultation-banner");
        banner.setVisible(false);

        // Vitals
        Div vitalGrid = new Div();
        vitalGrid.addClassName("clinic-vitals");
        for (Vital vital : Vital.values()) {
            VitalField field = new VitalField(vital, this::vitalsChanged);
            vitals.put(vital, field);
            vitalGrid.add(field);
        }
        bmi.setId("bmi");
        bmi.addClassName("clinic-bmi");
        vitalGrid.add(bmi);
        Div vitalsCard = card("Vitals", vitalGrid);

        // Notes
        chiefComplaint.setId("chief-complaint");
        chiefComplaint.setMaxLength(ConsultationRules.CHIEF_COMPLAINT_MAX);
        chiefComplaint.setWidthFull();
        history.setId("history");
        history.setMaxLength(ConsultationRules.NOTES_MAX);
        history.setWidthFull();
        history.setMinRows(3);
        examination.setId("examination");
        examination.setMaxLength(ConsultationRules.NOTES_MAX);
        examination.setWidthFull();
        examination.setMinRows(3);
        Div notesCard = card("Notes", chiefComplaint, history, examination);

        // Diagnosis
        diagnosisCode.setId("diagnosis-code");
        diagnosisCode.setItems(consultations.diagnosisCodes());
        diagnosisCode.setItemLabelGenerator(DiagnosisCode::label);
        diagnosisCode.setClearButtonVisible(true);
        diagnosisCode.setWidthFull();
        diagnosisCode.setPlaceholder("Search a code or a name");
        diagnosisCode.addValueChangeListener(change -> {
            if (change.isFromClient() && change.getValue() != null && diagnosis.isEmpty()) {
                diagnosis.setValue(change.getValue().title());
            }
            autosave();
        });
        diagnosis.setId("diagnosis");
        diagnosis.setMaxLength(ConsultationRules.DIAGNOSIS_MAX);
        diagnosis.setWidthFull();
        diagnosis.setHelperText("Free text; required to complete (a working diagnosis will do)");
        Div diagnosisCard = card("Diagnosis", diagnosisCode, diagnosis);

        // Prescription
        prescription.setId("prescription");
        prescription.addClassName("clinic-prescription");
        addMedicine.setId("add-medicine");
        addMedicine.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        addMedicine.addClickListener(click -> {
            addLine(PrescriptionLine.empty(), true).medicine.focus();
        });
        Div prescriptionCard = card("Prescription", prescription, addMedicine);

        // Advice and follow-up
        advice.setId("advice");
        advice.setMaxLength(ConsultationRules.ADVICE_MAX);
        advice.setWidthFull();
        followUpOn.setId("follow-up-on");
        followUpOn.addValueChangeListener(change -> autosave());
        followUpNote.setId("follow-up-note");
        followUpNote.setMaxLength(ConsultationRules.FOLLOW_UP_NOTE_MAX);
        followUpNote.setPlaceholder("e.g. review blood pressure");
        bookFollowUp.setId("book-follow-up");
        bookFollowUp.addClickListener(click -> bookFollowUp());
        followUpBooked.setId("follow-up-booked");
        followUpBooked.addClassName("clinic-hint-inline");
        Div followUpRow = new Div(followUpOn, followUpNote, bookFollowUp);
        followUpRow.addClassName("clinic-follow-up-row");
        Div adviceCard = card("Advice and follow-up", advice, followUpRow, followUpBooked);

        for (TextFieldBase<?, String> text : List.<TextFieldBase<?, String>>of(chiefComplaint, history, examination,
                diagnosis, advice, followUpNote)) {
            watch(text);
        }

        // Actions
        complete.setId("complete");
        complete.addClickListener(click -> complete(false));
        completeAndNext.setId("complete-and-next");
        completeAndNext.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        completeAndNext.addClickListener(click -> complete(true));
        completeAndNext.addClickShortcut(Key.ENTER, KeyModifier.CONTROL);
        completeAndNext.setTooltipText("Ctrl+Enter");
        summary.setId("print-summary");
        summary.setTarget("_blank");
        Anchor queue = new Anchor("my-queue", "Back to my queue");
        actions.addClassNames("clinic-card", "clinic-consultation-actions");
        actions.add(queue, summary, complete, completeAndNext);

        // Addenda
        addendaList.setId("addenda");
        addendaList.addClassName("clinic-addenda");
        addendumText.setId("addendum-text");
        addendumText.setMaxLength(ConsultationRules.ADDENDUM_MAX);
        addendumText.setWidthFull();
        addendumText.setHelperText("The completed record stays as it was; this is added below it with your name "
                + "and the time");
        addAddendum.setId("add-addendum");
        addAddendum.addClickListener(click -> addAddendum());
        addendaCard.addClassName("clinic-card");
        addendaCard.add(new H3("Addenda"), addendaList, addendumText, addAddendum);

        Div left = new Div(vitalsCard, notesCard);
        left.addClassName("clinic-consultation-column");
        Div right = new Div(diagnosisCard, adviceCard);
        right.addClassName("clinic-consultation-column");
        Div columns = new Div(left, right);
        columns.addClassName("clinic-consultation-columns");
        prescriptionCard.setId("prescription-card");
        add(header, banner, columns, prescriptionCard, addendaCard, actions);
    }

    public static RouteParameters parameters(UUID consultationId) {
        return new RouteParameters(PARAMETER, consultationId.toString());
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        try {
            consultationId = UUID.fromString(event.getRouteParameters().get(PARAMETER).orElse(""));
            load();
        } catch (IllegalArgumentException malformed) {
            throw new NotFoundException("No consultation with this id");
        } catch (AccessDeniedException denied) {
            // someone else's draft: as if it did not exist
            throw new NotFoundException("No consultation with this id");
        } catch (BreakTheGlassRequired noReasonYet) {
            event.forwardTo("patients/" + noReasonYet.patientId()); // the record asks why, then opens
        }
    }

    private void load() {
        Consultation c = records.get(java.util.Objects.requireNonNull(consultationId));
        show(c);
    }

    private void show(Consultation c) {
        loading = true;
        try {
            consultation = c;
            version = c.version();
            stale = false;
            banner.setVisible(false);
            banner.removeAll();
            patientName.removeAll();
            Anchor name = new Anchor("patients/" + c.patientId(), c.patientName());
            name.setTitle("Open the patient's record and history");
            patientName.add(name);
            statusSlot.removeAll();
            statusSlot.add(ConsultationText.status(c.status()));
            facts.setText("MRN " + org.clinic.patient.Mrn.display(c.patientMrn()) + (c.token() == null ? "" : " · token " + c.token()) + " · "
                    + c.doctorName() + ", " + c.specialty() + " · started "
                    + ConsultationText.when(c.startedAt(), zone));
            patientHistory.setHref("patients/" + c.patientId() + "#patient-consultations");
            summary.setHref("consultations/" + c.id() + "/summary");

            ConsultationContent content = c.content();
            for (VitalField field : vitals.values()) {
                Number value = content.vitals().value(field.vital());
                field.setValue(value == null ? null : Double.valueOf(value.doubleValue()));
            }
            chiefComplaint.setValue(orEmpty(content.chiefComplaint()));
            history.setValue(orEmpty(content.history()));
            examination.setValue(orEmpty(content.examination()));
            diagnosis.setValue(orEmpty(content.diagnosis()));
            diagnosisCode.setValue(content.diagnosisCode() == null ? null : consultations.diagnosisCodes().stream()
                    .filter(d -> d.code().equals(content.diagnosisCode())).findFirst().orElse(null));
            advice.setValue(orEmpty(content.advice()));
            followUpOn.setValue(content.followUpOn());
            followUpOn.setMin(c.visitDate().plusDays(1));
            followUpNote.setValue(orEmpty(content.followUpNote()));
            prescription.removeAll();
            lines.clear();
            content.prescription().forEach(line -> addLine(line, false));
            if (lines.isEmpty() && c.editable()) {
                addLine(PrescriptionLine.empty(), false);
            }
            vitalsChanged();

            boolean editable = c.editable();
            vitals.values().forEach(f -> f.setReadOnly(!editable));
            for (HasValue<?, ?> field : List.<HasValue<?, ?>>of(chiefComplaint, history, examination, diagnosisCode,
                    diagnosis, advice, followUpOn, followUpNote)) {
                field.setReadOnly(!editable);
            }
            addMedicine.setVisible(editable);
            complete.setVisible(editable);
            completeAndNext.setVisible(editable);
            bookFollowUp.setVisible(c.treatingDoctor() && c.followUpAppointmentId() == null);
            followUpBooked.setText(c.followUpAppointmentId() == null ? "" : "Follow-up booked");
            addendaCard.setVisible(c.status() == ConsultationStatus.COMPLETED);
            addendaList.removeAll();
            for (Consultation.Addendum addendum : c.addenda()) {
                Div item = new Div(new Span(addendum.authorName() + " · "
                        + ConsultationText.when(addendum.writtenAt(), zone)), new Paragraph(addendum.text()));
                item.addClassName("clinic-addendum");
                addendaList.add(item);
            }
            if (c.addenda().isEmpty()) {
                addendaList.add(new Span("No addenda."));
            }
            if (c.status() == ConsultationStatus.COMPLETED) {
                saveStatus.setText("Completed by " + c.completedBy() + " · "
                        + ConsultationText.when(java.util.Objects.requireNonNull(c.completedAt()), zone)
                        + " · locked");
            } else if (!c.treatingDoctor()) {
                saveStatus.setText("Read only: " + c.doctorName() + "'s consultation");
            } else {
                saveStatus.setText("Saved " + ConsultationText.TIME.format(c.savedAt().atZone(zone)));
            }
        } finally {
            loading = false;
        }
    }

    // ------------------------------------------------------------------------------------------- autosave

    private void watch(TextFieldBase<?, String> field) {
        field.setValueChangeMode(ValueChangeMode.LAZY);
        field.setValueChangeTimeout(TEXT_SAVE_DELAY_MS);
        field.addValueChangeListener(change -> autosave()); // a pause in typing, or leaving the field
    }

    private void vitalsChanged() {
        VitalField systolic = vitals.get(Vital.SYSTOLIC);
        VitalField diastolic = vitals.get(Vital.DIASTOLIC);
        Integer sys = whole(systolic.getValue());
        Integer dia = whole(diastolic.getValue());
        diastolic.setExtraProblem(ConsultationRules.pressureProblem(sys, dia).orElse(null));
        Double weight = vitals.get(Vital.WEIGHT).getValue();
        Double height = vitals.get(Vital.HEIGHT).getValue();
        vitals.get(Vital.WEIGHT).setExtraProblem(ConsultationRules.bmiProblem(weight, height).orElse(null));
        Double value = vitals.get(Vital.WEIGHT).acceptedValue() == null ? null
                : ConsultationRules.bmi(weight, height);
        bmi.removeAll();
        bmi.getElement().setAttribute("data-flag", "");
        if (value == null) {
            bmi.add(new Span("BMI —"), hint("from weight and height"));
        } else {
            Optional<String> flag = ConsultationRules.bmiFlag(value);
            bmi.add(new Span("BMI " + value), hint(flag.map(f -> "⚠ " + f).orElse("kg/m²")));
            bmi.getElement().setAttribute("data-flag", flag.isPresent() ? "high" : "");
        }
        autosave();
    }

    private static Span hint(String text) {
        Span span = new Span(text);
        span.addClassName("clinic-hint-inline");
        return span;
    }

    private void autosave() {
        if (!loading) {
            save();
        }
    }

    /** Saves the draft now; false when nothing could be saved. */
    private boolean save() {
        Consultation c = consultation;
        if (c == null || !c.editable() || stale) {
            return false;
        }
        clearServerMessages();
        try {
            SavedDraft saved = consultations.saveDraft(c.id(), version, content());
            version = saved.version();
            List<String> refused = vitals.values().stream().filter(f -> f.problem().isPresent())
                    .map(f -> f.vital().label()).toList();
            saveStatus.setText("Saved " + ConsultationText.TIME.format(saved.savedAt().atZone(zone))
                    + (refused.isEmpty() ? "" : " · not saved: " + String.join(", ", refused)));
            saveStatus.getElement().setAttribute("data-state", refused.isEmpty() ? "saved" : "partly");
            return true;
        } catch (RuleViolation violation) {
            if (ConsultationService.STALE.equals(violation.field())) {
                showStale(violation.getMessage());
            } else {
                messages().show(violation);
                saveStatus.setText("Not saved: " + violation.getMessage());
                saveStatus.getElement().setAttribute("data-state", "error");
            }
            return false;
        }
    }

    private void showStale(String message) {
        stale = true;
        saveStatus.setText("Not saved");
        saveStatus.getElement().setAttribute("data-state", "error");
        banner.removeAll();
        Button reload = new Button("Reload", new Icon(VaadinIcon.REFRESH), click -> load());
        reload.setId("reload-consultation");
        reload.addThemeVariants(ButtonVariant.LUMO_SMALL);
        Span text = new Span(message);
        text.setId("stale-message");
        banner.add(new Icon(VaadinIcon.WARNING), text, reload);
        banner.setVisible(true);
    }

    private ConsultationContent content() {
        Vitals v = new Vitals(whole(vitals.get(Vital.SYSTOLIC).acceptedValue()),
                whole(vitals.get(Vital.DIASTOLIC).acceptedValue()), whole(vitals.get(Vital.PULSE).acceptedValue()),
                vitals.get(Vital.TEMPERATURE).acceptedValue(), whole(vitals.get(Vital.SPO2).acceptedValue()),
                whole(vitals.get(Vital.RESPIRATORY_RATE).acceptedValue()), vitals.get(Vital.WEIGHT).acceptedValue(),
                vitals.get(Vital.HEIGHT).acceptedValue());
        return new ConsultationContent(v, chiefComplaint.getValue(), history.getValue(), examination.getValue(),
                diagnosis.getValue(), diagnosisCode.getValue() == null ? null : diagnosisCode.getValue().code(),
                lines.stream().map(LineRow::value).toList(), advice.getValue(), followUpOn.getValue(),
                followUpNote.getValue());
    }

    private static @Nullable Integer whole(@Nullable Double value) {
        return value == null || value != Math.rint(value) ? null : (int) Math.round(value);
    }

    private FieldMessages messages() {
        FieldMessages messages = new FieldMessages().bind("chiefComplaint", chiefComplaint).bind("history", history)
                .bind("examination", examination).bind("diagnosis", diagnosis).bind("diagnosisCode", diagnosisCode)
                .bind("advice", advice).bind("followUpOn", followUpOn).bind("followUpNote", followUpNote)
                .bind("addendum", addendumText);
        vitals.values().forEach(f -> messages.bind(f.vital().field(), f));
        for (int i = 0; i < lines.size(); i++) {
            lines.get(i).bind(messages, "prescription." + i + ".");
        }
        return messages;
    }

    private void clearServerMessages() {
        List<HasValidation> fields = new ArrayList<>(List.<HasValidation>of(chiefComplaint, history, examination, diagnosis,
                diagnosisCode, advice, followUpOn, followUpNote));
        lines.forEach(l -> fields.addAll(l.fields()));
        for (HasValidation field : fields) {
            field.setInvalid(false);
        }
    }

    // ------------------------------------------------------------------------------------------ completing

    private void complete(boolean callNext) {
        Consultation c = consultation;
        if (c == null || !c.editable()) {
            return;
        }
        if (stale) {
            FieldMessages.showError("This tab is behind: reload before completing");
            return;
        }
        List<String> refused = vitals.values().stream().filter(f -> f.problem().isPresent())
                .map(f -> f.vital().label()).toList();
        if (!refused.isEmpty()) {
            FieldMessages.showError("Correct or clear the highlighted vitals first: " + String.join(", ", refused));
            return;
        }
        clearServerMessages();
        try {
            if (callNext) {
                var next = consultations.completeAndCallNext(c.id(), version, content());
                FieldMessages.showSuccess(next.map(n -> "Completed. Calling " + n.token() + " · " + n.patientName())
                        .orElse("Completed. Nobody else is waiting."));
                getUI().ifPresent(ui -> ui.navigate("my-queue"));
            } else {
                show(consultations.complete(c.id(), version, content()));
                FieldMessages.showSuccess("Consultation completed and locked; the visit is finished");
            }
        } catch (RuleViolation violation) {
            if (ConsultationService.STALE.equals(violation.field())) {
                showStale(violation.getMessage());
            } else {
                messages().show(violation);
            }
        }
    }

    private void addAddendum() {
        Consultation c = consultation;
        if (c == null) {
            return;
        }
        try {
            show(consultations.addAddendum(c.id(), addendumText.getValue()));
            addendumText.clear();
            addendumText.setInvalid(false);
            FieldMessages.showSuccess("Addendum added");
        } catch (RuleViolation violation) {
            messages().show(violation);
        }
    }

    private void bookFollowUp() {
        Consultation c = consultation;
        if (c == null) {
            return;
        }
        if (c.editable() && !save()) {
            return;
        }
        try {
            var booked = consultations.bookFollowUp(c.id());
            show(records.get(c.id()));
            followUpBooked.setText("Follow-up booked: " + ConsultationText.DATE.format(booked.date()) + " at "
                    + booked.start() + " with " + booked.doctorName());
            FieldMessages.showSuccess("Follow-up booked for " + ConsultationText.DATE.format(booked.date()) + " at "
                    + booked.start());
        } catch (RuleViolation violation) {
            messages().show(violation);
        }
    }

    // ---------------------------------------------------------------------------------------- prescription

    private LineRow addLine(PrescriptionLine line, boolean fromUser) {
        LineRow row = new LineRow(lines.size(), line);
        lines.add(row);
        prescription.add(row);
        if (fromUser) {
            autosave();
        }
        return row;
    }

    private void removeLine(LineRow row) {
        lines.remove(row);
        prescription.remove(row);
        for (int i = 0; i < lines.size(); i++) {
            lines.get(i).renumber(i);
        }
        autosave();
    }

    /** One medicine of the prescription. */
    private final class LineRow extends Div {
        final TextField medicine = new TextField("Medicine");
        final TextField strength = new TextField("Strength");
        final TextField dose = new TextField("Dose");
        final TextField frequency = new TextField("Frequency");
        final TextField duration = new TextField("Duration");
        final TextField quantity = new TextField("Quantity");
        final TextField instructions = new TextField("Instructions");
        final Button remove = new Button(new Icon(VaadinIcon.TRASH));
        private final @Nullable String allergyOverride;

        LineRow(int index, PrescriptionLine line) {
            addClassName("clinic-prescription-line");
            allergyOverride = line.allergyOverride();
            medicine.setPlaceholder("e.g. Amoxicillin");
            strength.setPlaceholder("500 mg");
            dose.setPlaceholder("1 capsule");
            frequency.setPlaceholder("3 times a day");
            duration.setPlaceholder("7 days");
            quantity.setPlaceholder("21 capsules");
            instructions.setPlaceholder("after food");
            medicine.setMaxLength(ConsultationRules.MEDICINE_MAX);
            for (TextField f : List.of(strength, dose, frequency, duration, quantity)) {
                f.setMaxLength(ConsultationRules.PRESCRIPTION_PART_MAX);
            }
            instructions.setMaxLength(ConsultationRules.INSTRUCTIONS_MAX);
            medicine.setValue(orEmpty(line.medicine()));
            strength.setValue(orEmpty(line.strength()));
            dose.setValue(orEmpty(line.dose()));
            frequency.setValue(orEmpty(line.frequency()));
            duration.setValue(orEmpty(line.duration()));
            quantity.setValue(orEmpty(line.quantity()));
            instructions.setValue(orEmpty(line.instructions()));
            boolean editable = consultation != null && consultation.editable();
            for (TextField f : fields()) {
                watch(f);
                f.setReadOnly(!editable);
            }
            remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
            remove.setAriaLabel("Remove this medicine");
            remove.setTooltipText("Remove this medicine");
            remove.addClickListener(click -> removeLine(this));
            remove.setVisible(editable);
            add(medicine, strength, dose, frequency, duration, quantity, instructions, remove);
            renumber(index);
        }

        List<TextField> fields() {
            return List.of(medicine, strength, dose, frequency, duration, quantity, instructions);
        }

        void renumber(int index) {
            String prefix = "rx-" + index + "-";
            medicine.setId(prefix + "medicine");
            strength.setId(prefix + "strength");
            dose.setId(prefix + "dose");
            frequency.setId(prefix + "frequency");
            duration.setId(prefix + "duration");
            quantity.setId(prefix + "quantity");
            instructions.setId(prefix + "instructions");
            remove.setId(prefix + "remove");
        }

        void bind(FieldMessages messages, String prefix) {
            messages.bind(prefix + "medicine", medicine).bind(prefix + "strength", strength)
                    .bind(prefix + "dose", dose).bind(prefix + "frequency", frequency)
                    .bind(prefix + "duration", duration).bind(prefix + "quantity", quantity)
                    .bind(prefix + "instructions", instructions);
        }

        PrescriptionLine value() {
            return new PrescriptionLine(medicine.getValue(), strength.getValue(), dose.getValue(),
                    frequency.getValue(), duration.getValue(), quantity.getValue(), instructions.getValue(),
                    allergyOverride);
        }
    }

    // ------------------------------------------------------------------------------------------------ live

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        subscription = liveUpdates.subscribe(attachEvent.getUI(), ConsultationChanged.class,
                changed -> changed.consultationId().equals(consultationId), this::changedElsewhere);
    }

    @Override
    protected void onDetach(DetachEvent detachEvent) {
        if (subscription != null) {
            subscription.remove();
            subscription = null;
        }
    }

    /** Another tab saved or completed it: a completed one is shown locked; a newer draft marks this tab behind. */
    private void changedElsewhere() {
        if (consultationId == null || consultation == null) {
            return;
        }
        Consultation now = records.get(consultationId);
        if (now.status() != consultation.status() || !consultation.editable()) {
            show(now);
        } else if (now.version() > version && !stale) {
            showStale("This consultation was changed in another tab or window at "
                    + ConsultationText.TIME.format(now.savedAt().atZone(zone)) + "; reload to continue");
        }
    }

    private static Div card(String title, Component... content) {
        Div card = new Div(new H3(title));
        card.add(content);
        card.addClassName("clinic-card");
        return card;
    }

    private static String orEmpty(@Nullable String text) {
        return text == null ? "" : text;
    }
}
