package org.clinic.consultation.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.KeyModifier;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;
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
import org.clinic.clinical.ProblemListService;
import org.clinic.clinical.SafetyViews;
import org.clinic.consultation.Consultation;
import org.clinic.consultation.ConsultationChanged;
import org.clinic.consultation.ConsultationContent;
import org.clinic.consultation.ConsultationRecords;
import org.clinic.consultation.ConsultationService;
import org.clinic.consultation.CurrentMedications;
import org.clinic.consultation.OpenedConsultation;
import org.clinic.consultation.RecordedWeight;
import org.clinic.consultation.SavedDraft;
import org.clinic.security.BreakTheGlassRequired;
import org.clinic.security.Role;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.AccessDeniedException;

import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * The consultation: vitals, complaint, history and examination, diagnosis, prescription, advice and follow-up. The
 * draft is saved as the doctor types (a pause or leaving a field saves), each save based on the version this tab
 * read, so a second tab cannot silently overwrite. Complete locks it and finishes the visit; afterwards corrections
 * are addenda. The screen composes its parts ({@link ConsultationHeader}, {@link VitalsCard}, {@link PrescriptionEditor},
 * {@link AdviceCard}, {@link AddendaCard}) and owns what ties them together: loading, saving and completing.
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

    private final ConsultationHeader header;
    private final Div banner = new Div();
    private final VitalsCard vitals = new VitalsCard(this::vitalsChanged);
    private final NotesCard notes = new NotesCard(this::autosave);
    private final DiagnosisCard diagnosis;
    private final PrescriptionEditor prescription = new PrescriptionEditor(this::autosave);
    private final AdviceCard adviceCard = new AdviceCard(this::autosave, this::bookFollowUp);
    private final Button complete = new Button("Complete", new Icon(VaadinIcon.CHECK));
    private final Button completeAndNext = new Button("Complete and call next", new Icon(VaadinIcon.ARROW_FORWARD));
    private final Anchor summary = new Anchor("", "Print summary");
    private final Div actions = new Div();
    private final AddendaCard addenda;
    private final CurrentMedicationsPanel medications;

    private @Nullable UUID consultationId;
    private @Nullable Consultation consultation;
    private @Nullable RecordedWeight earlierWeight;
    private long version;
    private boolean loading;
    private boolean stale;
    private @Nullable Registration subscription;
    private final SafetyViews safetyViews;
    private @Nullable UUID safetyShownFor;

    public ConsultationView(ConsultationService consultations, ConsultationRecords records, LiveUpdates liveUpdates,
                            ClinicSettings settings, CurrentMedications currentMedications,
                            SafetyViews safetyViews, ProblemListService problems, Clock clock) {
        this.safetyViews = safetyViews;
        this.consultations = consultations;
        this.records = records;
        this.liveUpdates = liveUpdates;
        this.zone = settings.timeZone();
        addClassNames("clinic-page", "clinic-consultation");

        header = new ConsultationHeader(zone);
        addenda = new AddendaCard(zone, this::addAddendum);
        medications = new CurrentMedicationsPanel(currentMedications, liveUpdates).compact();
        banner.setId("consultation-banner");
        banner.addClassName("clinic-consultation-banner");
        banner.setVisible(false);

        diagnosis = new DiagnosisCard(consultations.diagnosisCodes(), problems, clock.withZone(zone),
                () -> consultation == null ? null : consultation.patientId(), this::autosave);

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

        Div left = new Div(vitals, notes);
        left.addClassName("clinic-consultation-column");
        Div right = new Div(diagnosis, adviceCard);
        right.addClassName("clinic-consultation-column");
        Div columns = new Div(left, right);
        columns.addClassName("clinic-consultation-columns");
        add(header, banner, columns, medications, prescription, addenda, actions);
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
        OpenedConsultation opened = records.open(Objects.requireNonNull(consultationId));
        earlierWeight = opened.earlierWeight();
        show(opened.consultation());
    }

    private void show(Consultation c) {
        loading = true;
        try {
            consultation = c;
            version = c.version();
            stale = false;
            banner.setVisible(false);
            banner.removeAll();
            header.show(c, earlierWeight);
            if (!c.patientId().equals(safetyShownFor)) { // allergies, alerts, problems; feeds the allergy warning
                safetyShownFor = c.patientId();
                header.addSafetyStrip(safetyViews.strip(c.patientId(), prescription::allergies));
            }
            summary.setHref("consultations/" + c.id() + "/summary");

            ConsultationContent content = c.content();
            boolean editable = c.editable();
            vitals.show(content.vitals(), c.patientAge(), editable);
            notes.show(content, editable);
            diagnosis.show(content, editable);
            adviceCard.show(c);
            prescription.show(content.prescription(), editable);
            complete.setVisible(editable);
            completeAndNext.setVisible(editable);
            addenda.show(c);
            medications.show(c.patientId());
        } finally {
            loading = false;
        }
    }

    // ------------------------------------------------------------------------------------------- autosave

    /** Saves after a pause in typing, or on leaving the field. */
    static void watch(TextFieldBase<?, String> field, Runnable changed) {
        field.setValueChangeMode(ValueChangeMode.LAZY);
        field.setValueChangeTimeout(TEXT_SAVE_DELAY_MS);
        field.addValueChangeListener(change -> changed.run());
    }

    private void vitalsChanged() {
        header.weightEntered(vitals.value().weight());
        autosave();
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
            header.saved(saved.savedAt(), vitals.refused());
            return true;
        } catch (RuleViolation violation) {
            if (ConsultationService.STALE.equals(violation.field())) {
                showStale(violation.getMessage());
            } else {
                messages().show(violation);
                header.notSaved("Not saved: " + violation.getMessage());
            }
            return false;
        }
    }

    private void showStale(String message) {
        stale = true;
        header.notSaved("Not saved");
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
        return new ConsultationContent(vitals.value(), notes.chiefComplaint(), notes.history(), notes.examination(),
                diagnosis.diagnosis(), diagnosis.code(), prescription.value(),
                adviceCard.advice(), adviceCard.followUpOn(), adviceCard.followUpNote());
    }

    private FieldMessages messages() {
        FieldMessages messages = new FieldMessages().bind("addendum", addenda.text());
        notes.bind(messages);
        diagnosis.bind(messages);
        vitals.bind(messages);
        adviceCard.bind(messages);
        prescription.bind(messages);
        return messages;
    }

    private void clearServerMessages() {
        List<HasValidation> fields = new ArrayList<>(notes.fields());
        fields.addAll(diagnosis.fields());
        fields.addAll(adviceCard.fields());
        fields.addAll(prescription.fields());
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
        List<String> refused = vitals.refused();
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

    private void addAddendum(String text) {
        Consultation c = consultation;
        if (c == null) {
            return;
        }
        try {
            show(consultations.addAddendum(c.id(), text));
            addenda.added();
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
            String when = org.clinic.base.ClinicDates.dateAndTime(booked.date(), booked.start());
            adviceCard.booked("Follow-up booked: " + when + " with " + booked.doctorName());
            FieldMessages.showSuccess("Follow-up booked for " + when);
        } catch (RuleViolation violation) {
            messages().show(violation);
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
}
