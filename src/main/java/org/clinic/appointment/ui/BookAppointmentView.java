package org.clinic.appointment.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.KeyModifier;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.shared.Registration;
import jakarta.annotation.security.RolesAllowed;
import org.clinic.appointment.AppointmentKind;
import org.clinic.appointment.AppointmentService;
import org.clinic.appointment.AppointmentSummary;
import org.clinic.appointment.AppointmentsChanged;
import org.clinic.appointment.BookAppointment;
import org.clinic.appointment.SlotTaken;
import org.clinic.base.LiveUpdates;
import org.clinic.base.RuleViolation;
import org.clinic.base.ui.FieldMessages;
import org.clinic.doctor.DoctorService;
import org.clinic.doctor.DoctorSummary;
import org.clinic.doctor.Slot;
import org.clinic.doctor.SpecialtySummary;
import org.clinic.patient.PatientService;
import org.clinic.patient.PatientStatus;
import org.clinic.patient.PatientSummary;
import org.clinic.security.Role;
import org.jspecify.annotations.Nullable;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * Booking: patient → specialty → doctor (or the first available in the specialty) → date → a free slot → book.
 * Free slots update live: a slot booked at another desk disappears; if it is clicked anyway, the service refuses
 * it and the next free slots are offered.
 */
@Route("appointments/book")
@PageTitle("Book appointment · Clinic")
@RolesAllowed({Role.RECEPTIONIST_NAME, Role.ADMIN_NAME})
public class BookAppointmentView extends Main implements BeforeEnterObserver {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    private final AppointmentService appointments;
    private final DoctorService doctors;
    private final PatientService patients;
    private final LiveUpdates liveUpdates;
    private final Clock clock;

    private final ComboBox<PatientSummary> patient = new ComboBox<>("Patient");
    private final Select<SpecialtySummary> specialty = new Select<>();
    private final Select<DoctorSummary> doctor = new Select<>();
    private final DatePicker date = new DatePicker("Date");
    private final Div slots = new Div();
    private final Paragraph slotHint = new Paragraph();
    private final RadioButtonGroup<AppointmentKind> kind = new RadioButtonGroup<>("Kind of visit");
    private final TextField reason = new TextField("Reason for the visit");
    private final Button book = new Button("Book");
    private final Button firstAvailable = new Button("First available in this specialty");

    private @Nullable Slot chosen;
    private UUID requestId = UUID.randomUUID();
    private @Nullable Registration subscription;

    public BookAppointmentView(AppointmentService appointments, DoctorService doctors, PatientService patients,
                               LiveUpdates liveUpdates, Clock clock) {
        this.appointments = appointments;
        this.doctors = doctors;
        this.patients = patients;
        this.liveUpdates = liveUpdates;
        this.clock = clock;
        addClassName("clinic-page");
        addClassName("clinic-narrow-page");

        patient.setId("booking-patient");
        patient.setPlaceholder("Name, phone number or MRN");
        // Only active patients can be booked, so only they are offered: the first page of matches (the search's
        // largest), inactive ones left out, paged here. A longer list is narrowed by typing more.
        patient.setItems(query -> patients.search(query.getFilter().orElse(""), 0, PatientService.MAX_PAGE).stream()
                .filter(p -> p.status() != PatientStatus.INACTIVE)
                .skip(query.getOffset()).limit(query.getLimit()));
        patient.setItemLabelGenerator(p -> p.familyName() + ", " + p.givenName() + " · " + p.displayMrn());
        patient.setWidthFull();
        patient.setAutofocus(true);

        specialty.setLabel("Specialty");
        specialty.setId("booking-specialty");
        specialty.setItems(doctors.specialties());
        specialty.setItemLabelGenerator(SpecialtySummary::name);
        doctor.setLabel("Doctor");
        doctor.setId("booking-doctor");
        doctor.setItemLabelGenerator(d -> d.displayName() + " · room " + d.room());
        date.setId("booking-date");
        date.setMin(LocalDate.now(clock));
        date.setValue(LocalDate.now(clock));
        date.setI18n(new DatePicker.DatePickerI18n().setDateFormat("EEE d MMM yyyy")
                .setMinErrorMessage("Appointments can only be booked from today on"));

        specialty.addValueChangeListener(e -> {
            doctor.setItems(e.getValue() == null ? List.of() : doctors.doctors().stream()
                    .filter(d -> d.specialty().id().equals(e.getValue().id())).toList());
            showSlots();
        });
        doctor.addValueChangeListener(e -> {
            showSlots();
            resubscribe();
        });
        date.addValueChangeListener(e -> {
            showSlots();
            resubscribe();
        });
        firstAvailable.addClickListener(click -> pickFirstAvailable());
        firstAvailable.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        firstAvailable.setId("first-available");

        slots.addClassName("clinic-slots");
        slots.setId("booking-slots");
        slotHint.addClassName("clinic-hint");

        kind.setItems(AppointmentKind.values());
        kind.setItemLabelGenerator(AppointmentKind::label);
        kind.setValue(AppointmentKind.NEW);
        reason.setMaxLength(300);
        reason.setWidthFull();
        reason.setId("booking-reason");

        book.setId("book");
        book.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        book.addClickListener(click -> book());
        book.addClickShortcut(Key.ENTER, KeyModifier.CONTROL);
        book.setTooltipText("Ctrl+Enter");

        FormLayout choice = new FormLayout(specialty, doctor, date);
        choice.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("560px", 3));
        Div card = new Div(new H2("Book an appointment"), patient, choice, firstAvailable, new H3("Free slots"),
                slotHint, slots, kind, reason, book);
        card.addClassName("clinic-card");
        add(card);
        showSlots();
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        var parameters = event.getLocation().getQueryParameters();
        parameters.getSingleParameter("patient").ifPresent(id -> {
            try {
                var reference = patients.reference(UUID.fromString(id));
                patients.search(reference.mrn(), 0, 1).stream().findFirst()
                        .filter(p -> p.status() != PatientStatus.INACTIVE).ifPresent(patient::setValue);
            } catch (IllegalArgumentException | org.clinic.base.NotFoundException ignored) {
                // an unknown id just leaves the patient to be chosen
            }
        });
        // From a free slot of a doctor's day: doctor, date and slot chosen already. Anything unknown is ignored.
        parameters.getSingleParameter("doctor").ifPresent(id -> {
            try {
                DoctorSummary chosenDoctor = doctors.doctor(UUID.fromString(id));
                specialty.setValue(chosenDoctor.specialty());
                doctor.setValue(chosenDoctor);
                parameters.getSingleParameter("date").map(LocalDate::parse).filter(d -> !d.isBefore(LocalDate.now(clock)))
                        .ifPresent(date::setValue);
                parameters.getSingleParameter("start").ifPresent(start -> slots.getChildren()
                        .filter(c -> c instanceof Button && start.equals(c.getElement().getAttribute("data-slot")))
                        .findFirst().ifPresent(c -> ((Button) c).click()));
            } catch (IllegalArgumentException | java.time.DateTimeException | org.clinic.base.NotFoundException ignored) {
                // a stale or foreign link: the receptionist chooses as usual
            }
        });
    }

    private void showSlots() {
        slots.removeAll();
        chosen = null;
        DoctorSummary selectedDoctor = doctor.getValue();
        LocalDate day = date.getValue();
        if (selectedDoctor == null || day == null) {
            slotHint.setText("Choose a specialty, a doctor and a date, or the first available doctor.");
            return;
        }
        var schedule = doctors.daySchedule(selectedDoctor.id(), day);
        if (!schedule.isOpen()) {
            slotHint.setText(schedule.closedWhy());
            return;
        }
        Integer capacityReached = appointments.capacityReached(selectedDoctor.id(), day);
        List<Slot> free = capacityReached != null ? List.of() : appointments.freeSlots(selectedDoctor.id(), day);
        slotHint.setText(capacityReached != null ? selectedDoctor.displayName() + " is fully booked on this day ("
                + capacityReached + " patients). Choose another day or doctor."
                : free.isEmpty() ? "No free slot left on this day." : free.size() + " free slots");
        // The doctor's day: free slots to click, taken and past ones greyed, the breaks between sessions marked.
        java.util.Set<Slot> bookable = new java.util.HashSet<>(free);
        Slot previous = null;
        for (Slot slot : schedule.slots()) {
            if (previous != null && slot.start().isAfter(previous.end())) {
                Span pause = new Span("Break " + TIME.format(previous.end()) + "–" + TIME.format(slot.start()));
                pause.addClassName("clinic-slot-break");
                slots.add(pause);
            }
            previous = slot;
            if (!bookable.contains(slot)) {
                Span taken = new Span(TIME.format(slot.start()));
                taken.addClassNames("clinic-slot", "clinic-slot-taken");
                taken.getElement().setAttribute("title", capacityReached != null ? "The day is fully booked"
                        : "Booked or already begun");
                slots.add(taken);
                continue;
            }
            Button button = new Button(TIME.format(slot.start()));
            button.addClassName("clinic-slot");
            button.getElement().setAttribute("data-slot", slot.start().toString());
            button.addClickListener(click -> {
                chosen = slot;
                slots.getChildren().forEach(c -> c.removeClassName("clinic-slot-chosen"));
                button.addClassName("clinic-slot-chosen");
            });
            slots.add(button);
        }
    }

    private void pickFirstAvailable() {
        if (specialty.getValue() == null) {
            FieldMessages.showError("Choose a specialty first");
            return;
        }
        LocalDate from = date.getValue() == null ? LocalDate.now(clock) : date.getValue();
        for (int offset = 0; offset < 30; offset++) {
            LocalDate day = from.plusDays(offset);
            DoctorSummary best = null;
            Slot bestSlot = null;
            for (DoctorSummary candidate : doctors.doctors()) {
                if (!candidate.specialty().id().equals(specialty.getValue().id())) {
                    continue;
                }
                var free = appointments.freeSlots(candidate.id(), day);
                if (!free.isEmpty() && (bestSlot == null || free.getFirst().start().isBefore(bestSlot.start()))) {
                    best = candidate;
                    bestSlot = free.getFirst();
                }
            }
            if (best != null) {
                doctor.setValue(best);
                date.setValue(day);
                Slot first = bestSlot;
                slots.getChildren().filter(c -> first.start().toString().equals(c.getElement().getAttribute("data-slot")))
                        .findFirst().ifPresent(c -> ((Button) c).click());
                return;
            }
        }
        FieldMessages.showError("No free slot in this specialty in the next 30 days");
    }

    private void book() {
        if (patient.getValue() == null) {
            patient.setErrorMessage("Choose the patient");
            patient.setInvalid(true);
            return;
        }
        if (doctor.getValue() == null || date.getValue() == null || chosen == null) {
            FieldMessages.showError("Choose a doctor, a date and a free slot");
            return;
        }
        try {
            AppointmentSummary booked = appointments.book(new BookAppointment(requestId, patient.getValue().id(),
                    doctor.getValue().id(), date.getValue(), chosen.start(), kind.getValue(), reason.getValue()));
            requestId = UUID.randomUUID();
            FieldMessages.showSuccess(booked.patientName() + " booked with " + booked.doctorName() + " on "
                    + booked.date() + " at " + TIME.format(booked.start()));
            reason.clear();
            showSlots();
        } catch (SlotTaken taken) {
            showSlots();
            FieldMessages.showError("That slot was just taken at another desk. Next free: " + String.join(", ",
                    taken.nextFree().stream().map(s -> TIME.format(s.start())).toList()));
        } catch (RuleViolation violation) {
            if ("patientId".equals(violation.field())) {
                patient.setErrorMessage(violation.getMessage());
                patient.setInvalid(true);
            } else {
                FieldMessages.showError(violation.getMessage());
            }
        }
    }

    private void resubscribe() {
        if (subscription != null) {
            subscription.remove();
            subscription = null;
        }
        getUI().ifPresent(ui -> {
            if (doctor.getValue() != null && date.getValue() != null) {
                UUID doctorId = doctor.getValue().id();
                LocalDate day = date.getValue();
                subscription = liveUpdates.subscribe(ui, AppointmentsChanged.class,
                        changed -> changed.doctorId().equals(doctorId) && Objects.equals(changed.date(), day),
                        this::refreshKeepingChoice);
            }
        });
    }

    /** Another desk booked or freed a slot of the shown day: redraw, keeping the chosen slot if still free. */
    private void refreshKeepingChoice() {
        Slot previous = chosen;
        showSlots();
        if (previous != null) {
            slots.getChildren().filter(c -> previous.start().toString().equals(c.getElement().getAttribute("data-slot")))
                    .findFirst().ifPresentOrElse(c -> ((Button) c).click(),
                            () -> FieldMessages.showError("The slot you chose was just booked at another desk."));
        }
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        resubscribe();
    }

    @Override
    protected void onDetach(DetachEvent detachEvent) {
        if (subscription != null) {
            subscription.remove();
            subscription = null;
        }
    }
}
