package org.clinic.queue.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import org.clinic.base.ui.DateFields;
import org.clinic.base.RuleViolation;
import org.clinic.base.ui.FieldMessages;
import org.clinic.doctor.DoctorService;
import org.clinic.doctor.DoctorSummary;
import org.clinic.doctor.SpecialtySummary;
import org.clinic.patient.PatientDetails;
import org.clinic.patient.PatientService;
import org.clinic.patient.PatientStatus;
import org.clinic.patient.PatientSummary;
import org.clinic.patient.PossibleDuplicate;
import org.clinic.queue.Lane;
import org.clinic.queue.QueueService;
import org.clinic.queue.Ticket;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * A patient without an appointment joins a doctor's queue or a specialty's walk-in queue. A patient not yet
 * registered is registered on the spot in four fields (the full record can be completed later).
 */
final class WalkInDialog extends Dialog {

    private static final String EXISTING = "Registered patient";
    private static final String NEW = "New patient";

    private final QueueService queue;
    private final PatientService patients;
    private final Consumer<Ticket> joined;

    private final RadioButtonGroup<String> who = new RadioButtonGroup<>();
    private final ComboBox<PatientSummary> patient = new ComboBox<>("Patient");
    private final TextField givenName = new TextField("Given name");
    private final TextField familyName = new TextField("Family name");
    private final DatePicker birthDate = new DatePicker("Date of birth");
    private final TextField phone = new TextField("Phone");
    private final Checkbox notADuplicate = new Checkbox("This is a different person: register anyway");
    private final Select<SpecialtySummary> specialty = new Select<>();
    private final Select<DoctorSummary> doctor = new Select<>();
    private final Select<Lane> lane = new Select<>();
    private final TextField priorityReason = new TextField("Reason for the priority");
    private final TextField visitReason = new TextField("Reason for the visit");

    WalkInDialog(QueueService queue, DoctorService doctors, PatientService patients, Consumer<Ticket> joined) {
        this.queue = queue;
        this.patients = patients;
        this.joined = joined;
        setHeaderTitle("Walk-in");
        setWidth("min(680px, 96vw)");

        who.setItems(EXISTING, NEW);
        who.setValue(EXISTING);
        patient.setId("walk-in-patient");
        patient.setPlaceholder("Name, phone number or MRN");
        patient.setItems(query -> patients.search(query.getFilter().orElse(""), query.getOffset(),
                Math.min(query.getLimit(), PatientService.MAX_PAGE)).stream());
        patient.setItemLabelGenerator(p -> p.familyName() + ", " + p.givenName() + " · " + p.displayMrn()
                + (p.status() == PatientStatus.INACTIVE ? " · inactive" : ""));
        patient.setWidthFull();
        givenName.setId("walk-in-given");
        familyName.setId("walk-in-family");
        DateFields.birthDate(birthDate,
                i18n -> i18n.setMaxErrorMessage("The date of birth cannot be in the future"));
        birthDate.setId("walk-in-birth");
        birthDate.setMax(LocalDate.now());
        notADuplicate.setVisible(false);
        FormLayout newPatient = new FormLayout(givenName, familyName, birthDate, phone, notADuplicate);
        newPatient.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("420px", 2));
        newPatient.setColspan(notADuplicate, 2);
        newPatient.setVisible(false);
        who.addValueChangeListener(e -> {
            patient.setVisible(EXISTING.equals(e.getValue()));
            newPatient.setVisible(NEW.equals(e.getValue()));
        });

        List<DoctorSummary> all = doctors.doctors();
        specialty.setLabel("Specialty");
        specialty.setId("walk-in-specialty");
        specialty.setItems(doctors.specialties());
        specialty.setItemLabelGenerator(SpecialtySummary::name);
        doctor.setLabel("Doctor");
        doctor.setId("walk-in-doctor");
        doctor.setEmptySelectionAllowed(true);
        doctor.setEmptySelectionCaption("First free doctor of the specialty");
        doctor.setItemLabelGenerator(d -> d == null ? "First free doctor of the specialty"
                : d.displayName() + " · room " + d.room());
        specialty.addValueChangeListener(e -> {
            doctor.setItems(e.getValue() == null ? List.of()
                    : all.stream().filter(d -> d.specialty().id().equals(e.getValue().id())).toList());
        });
        List<Lane> lanes = new ArrayList<>();
        lanes.add(Lane.REGULAR);
        lanes.addAll(queue.settings().lanes());
        lanes.add(Lane.EMERGENCY);
        lane.setLabel("Priority");
        lane.setId("walk-in-lane");
        lane.setItems(lanes);
        lane.setItemLabelGenerator(Lane::label);
        lane.setValue(Lane.REGULAR);
        priorityReason.setId("walk-in-priority-reason");
        priorityReason.setMaxLength(200);
        priorityReason.setVisible(false);
        lane.addValueChangeListener(e -> priorityReason.setVisible(e.getValue() != Lane.REGULAR));
        visitReason.setId("walk-in-reason");
        visitReason.setMaxLength(300);
        visitReason.setWidthFull();

        FormLayout where = new FormLayout(specialty, doctor, lane, priorityReason);
        where.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("420px", 2));
        Span hint = new Span("Priority is seen by staff only, never on the waiting-room display.");
        hint.addClassName("clinic-hint");
        add(new Div(who, patient, newPatient, where, visitReason, hint));

        Button join = new Button("Add to queue", click -> join());
        join.setId("confirm-walk-in");
        join.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(new Button("Cancel", click -> close()), join);
    }

    /** Opens with this registered patient already chosen (the patient record's Add to queue). */
    WalkInDialog forPatient(PatientSummary chosen) {
        who.setValue(EXISTING);
        patient.setValue(chosen);
        setHeaderTitle("Walk-in: " + chosen.fullName());
        return this;
    }

    private void join() {
        if (specialty.getValue() == null) {
            specialty.setErrorMessage("Choose a specialty");
            specialty.setInvalid(true);
            return;
        }
        try {
            UUID patientId = chosenPatient();
            if (patientId == null) {
                return;
            }
            Ticket ticket = queue.walkIn(patientId, doctor.getValue() == null ? null : doctor.getValue().id(),
                    specialty.getValue().id(), lane.getValue(), priorityReason.getValue(), visitReason.getValue());
            close();
            joined.accept(ticket);
        } catch (PossibleDuplicate duplicate) {
            notADuplicate.setVisible(true);
            FieldMessages.showError("Possibly already registered: " + String.join(", ", duplicate.candidates().stream()
                    .map(c -> c.patient().fullName() + " (" + c.patient().displayMrn() + ")").limit(3).toList()) + ". Search for them, or confirm a different person.");
        } catch (RuleViolation violation) {
            new FieldMessages().bind("patientId", patient).bind("priorityReason", priorityReason)
                    .bind("visitReason", visitReason).bind("givenName", givenName).bind("familyName", familyName)
                    .bind("birthDate", birthDate).bind("phone", phone).bind("doctorId", doctor)
                    .bind("specialtyId", specialty).show(violation);
        }
    }

    private @org.jspecify.annotations.Nullable UUID chosenPatient() {
        if (EXISTING.equals(who.getValue())) {
            if (patient.getValue() == null) {
                patient.setErrorMessage("Choose the patient, or register a new one");
                patient.setInvalid(true);
                return null;
            }
            return patient.getValue().id();
        }
        return patients.register(new PatientDetails(givenName.getValue(), familyName.getValue(), birthDate.getValue(),
                false, null, phone.getValue().isBlank() ? null : phone.getValue(), null, null),
                notADuplicate.getValue()).id();
    }
}
