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
import org.clinic.base.ui.DateFields;
import jakarta.annotation.security.RolesAllowed;
import org.clinic.appointment.AppointmentKind;
import org.clinic.appointment.AppointmentQueries;
import org.clinic.appointment.AppointmentService;
import org.clinic.appointment.AppointmentSummary;
import org.clinic.appointment.AppointmentsChanged;
import org.clinic.appointment.BookAppointment;
import org.clinic.appointment.SlotTaken;
import org.clinic.base.LiveUpdates;
import org.clinic.base.ClinicDates;
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
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * Booking: patient → specialty → doctor (or the first available in the specialty, or a cell of the week strip) →
 * date → a free slot → book. Free slots update live and in place ({@link SlotPicker}): a slot booked at another desk
 * turns grey where it was; a click on it is refused, and the Book button names the exact time it will book.
 */
@Route("appointments/book")
@PageTitle("Book appointment · Clinic")
@RolesAllowed({Role.RECEPTIONIST_NAME, Role.ADMIN_NAME})
public class BookAppointmentView extends Main implements BeforeEnterObserver {

    private final AppointmentService appointments;
    private final AppointmentQueries appointmentQueries;
    private final DoctorService doctors;
    private final PatientService patients;
    private final LiveUpdates liveUpdates;
    private final Clock clock;

    private final ComboBox<PatientSummary> patient = new ComboBox<>("Patient");
    private final Select<SpecialtySummary> specialty = new Select<>();
    private final Select<DoctorSummary> doctor = new Select<>();
    private final DatePicker date = new DatePicker("Date");
    private final SlotPicker slots = new SlotPicker(this::chosenChanged);
    private final WeekStrip week;
    private final Paragraph slotHint = new Paragraph();
    private final RadioButtonGroup<AppointmentKind> kind = new RadioButtonGroup<>("Kind of visit");
    private final TextField reason = new TextField("Reason for the visit");
    private final Button book = new Button("Book");
    private final Button firstAvailable = new Button("First available in this specialty");

    private UUID requestId = UUID.randomUUID();
    private @Nullable Registration subscription;

    public BookAppointmentView(AppointmentService appointments, AppointmentQueries appointmentQueries,
                               DoctorService doctors, PatientService patients,
                               LiveUpdates liveUpdates, Clock clock) {
        this.appointments = appointments;
        this.appointmentQueries = appointmentQueries;
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
        DateFields.day(date, i18n -> i18n.setMinErrorMessage("Appointments can only be booked from today on"));
        date.setHelperText("Type " + org.clinic.base.ClinicDates.typedFormat() + " or pick from the calendar");

        specialty.addValueChangeListener(e -> {
            doctor.setItems(inSpecialty());
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
        week = new WeekStrip(appointmentQueries, liveUpdates, clock, (picked, day) -> {
            doctor.setValue(picked);
            date.setValue(day);
        });

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
        Div card = new Div(new H2("Book an appointment"), patient, choice, firstAvailable, week, new H3("Free slots"),
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
                parameters.getSingleParameter("start").map(java.time.LocalTime::parse).ifPresent(slots::choose);
            } catch (IllegalArgumentException | java.time.DateTimeException | org.clinic.base.NotFoundException ignored) {
                // a stale or foreign link: the receptionist chooses as usual
            }
        });
    }

    private List<DoctorSummary> inSpecialty() {
        SpecialtySummary chosenSpecialty = specialty.getValue();
        return chosenSpecialty == null ? List.of() : doctors.doctors().stream()
                .filter(d -> d.specialty().id().equals(chosenSpecialty.id())).toList();
    }

    private void showSlots() {
        DoctorSummary selectedDoctor = doctor.getValue();
        LocalDate day = date.getValue();
        week.show(inSpecialty(), day, selectedDoctor == null ? null : selectedDoctor.id());
        if (selectedDoctor == null || day == null) {
            slots.clear();
            slotHint.setText("Choose a specialty, a doctor and a date, or a day in the week above.");
            return;
        }
        var schedule = doctors.daySchedule(selectedDoctor.id(), day);
        if (!schedule.isOpen()) {
            slots.clear();
            slotHint.setText(schedule.closedWhy());
            return;
        }
        Integer capacityReached = appointmentQueries.capacityReached(selectedDoctor.id(), day);
        List<Slot> free = capacityReached != null ? List.of() : appointmentQueries.freeSlots(selectedDoctor.id(), day);
        slotHint.setText(capacityReached != null ? selectedDoctor.displayName() + " is fully booked on this day ("
                + capacityReached + " patients). Choose another day or doctor."
                : free.isEmpty() ? "No free slot left on this day." : free.size() + " free slots");
        // The doctor's day: free slots to click, taken and past ones greyed, the breaks between sessions marked.
        slots.show(selectedDoctor.id() + "/" + day, schedule.slots(), java.util.Set.copyOf(free),
                capacityReached != null ? "The day is fully booked" : "Booked or already begun");
    }

    /** The Book button says exactly what it will book. */
    private void chosenChanged(@Nullable Slot slot) {
        LocalDate day = date.getValue();
        book.setText(slot == null || day == null ? "Book"
                : "Book " + ClinicDates.time(slot.start()) + " on " + ClinicDates.date(day));
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
                var free = appointmentQueries.freeSlots(candidate.id(), day);
                if (!free.isEmpty() && (bestSlot == null || free.getFirst().start().isBefore(bestSlot.start()))) {
                    best = candidate;
                    bestSlot = free.getFirst();
                }
            }
            if (best != null) {
                doctor.setValue(best);
                date.setValue(day);
                slots.choose(bestSlot.start());
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
        if (date.isInvalid() && date.getValue() == null) {
            date.setErrorMessage(DateFields.badInputMessage());
            return;
        }
        Slot chosen = slots.chosen();
        if (doctor.getValue() == null || date.getValue() == null || chosen == null) {
            FieldMessages.showError("Choose a doctor, a date and a free slot");
            return;
        }
        try {
            AppointmentSummary booked = appointments.book(new BookAppointment(requestId, patient.getValue().id(),
                    doctor.getValue().id(), date.getValue(), chosen.start(), kind.getValue(), reason.getValue()));
            requestId = UUID.randomUUID();
            FieldMessages.showSuccess(booked.patientName() + " booked with " + booked.doctorName() + " on "
                    + ClinicDates.dateAndTime(booked.date(), booked.start()));
            reason.clear();
            slots.dropChoice();
            showSlots();
        } catch (SlotTaken taken) {
            slots.dropChoice();
            showSlots();
            FieldMessages.showError("That slot was just taken at another desk. Next free: " + String.join(", ",
                    taken.nextFree().stream().map(s -> ClinicDates.time(s.start())).toList()));
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
                        this::showSlots);
            }
        });
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
