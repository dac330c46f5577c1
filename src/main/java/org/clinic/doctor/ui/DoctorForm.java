package org.clinic.doctor.ui;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.data.binder.ValidationResult;
import com.vaadin.flow.data.binder.Validator;
import com.vaadin.flow.data.value.ValueChangeMode;
import org.clinic.base.RuleViolation;
import org.clinic.base.ui.FieldMessages;
import org.clinic.doctor.DoctorChanges;
import org.clinic.doctor.DoctorRecord;
import org.clinic.doctor.DoctorRules;
import org.clinic.doctor.NewDoctor;
import org.clinic.doctor.SpecialtySummary;
import org.clinic.security.StaffAccountSummary;
import org.jspecify.annotations.Nullable;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * A doctor's details, for adding and for editing. Each field is checked with {@link DoctorRules} as it is typed;
 * the service checks everything again on save and its verdict is shown next to the same fields.
 */
class DoctorForm extends Composite<FormLayout> {

    final ComboBox<StaffAccountSummary> account = new ComboBox<>("Staff account");
    final TextField displayName = new TextField("Name");
    final ComboBox<SpecialtySummary> specialty = new ComboBox<>("Specialty");
    final TextField room = new TextField("Room");
    final IntegerField slotMinutes = new IntegerField("Slot length");
    final IntegerField dailyCapacity = new IntegerField("Patients a day");
    final TextField email = new TextField("Email");
    final TextField registrationNumber = new TextField("Registration number");

    private final @Nullable DoctorRecord editing;
    private final Binder<Data> binder = new Binder<>();
    private final FieldMessages serviceMessages = new FieldMessages();

    /** A form for a new doctor ({@code editing} null, choosing one of {@code accounts}) or for an existing one. */
    DoctorForm(@Nullable DoctorRecord editing, List<StaffAccountSummary> accounts, List<SpecialtySummary> specialties) {
        this.editing = editing;
        FormLayout layout = getContent();

        account.setId("doctor-account");
        displayName.setId("doctor-name");
        specialty.setId("doctor-specialty");
        room.setId("doctor-room");
        slotMinutes.setId("doctor-slot");
        dailyCapacity.setId("doctor-capacity");
        email.setId("doctor-email");
        registrationNumber.setId("doctor-registration");

        account.setItems(accounts);
        account.setItemLabelGenerator(a -> a.displayName() + " (" + a.username() + ")");
        account.setHelperText(accounts.isEmpty()
                ? "Every Doctor account is already linked. Create the account under Staff accounts first."
                : "Doctor accounts not yet linked to a doctor");
        account.addValueChangeListener(change -> { // the account already carries the person's name
            StaffAccountSummary chosen = change.getValue();
            if (chosen != null && displayName.isEmpty()) {
                displayName.setValue(chosen.displayName());
            }
        });
        specialty.setItems(specialties);
        specialty.setItemLabelGenerator(SpecialtySummary::name);
        if (specialties.isEmpty()) {
            specialty.setHelperText("No specialties yet: add them under Specialties");
        }
        for (TextField field : new TextField[]{displayName, room, email, registrationNumber}) {
            field.setValueChangeMode(ValueChangeMode.LAZY);
            field.setValueChangeTimeout(300);
            field.setAutocomplete(com.vaadin.flow.component.textfield.Autocomplete.OFF);
        }
        displayName.setMaxLength(DoctorRules.NAME_MAX + 20); // room to be told it is too long, not silently cut
        room.setMaxLength(DoctorRules.ROOM_MAX + 10);
        email.setMaxLength(DoctorRules.EMAIL_MAX + 20);
        email.setPlaceholder("name@clinic.example.org");
        registrationNumber.setMaxLength(DoctorRules.REGISTRATION_MAX + 10); // told it is too long, not silently cut
        registrationNumber.setRequiredIndicatorVisible(true);
        registrationNumber.setHelperText("GMC or medical council number, printed on prescriptions, e.g. GMC 7123456");
        slotMinutes.setMin(DoctorRules.SLOT_MIN);
        slotMinutes.setMax(DoctorRules.SLOT_MAX);
        slotMinutes.setStep(5);
        slotMinutes.setStepButtonsVisible(true);
        slotMinutes.setSuffixComponent(new Span("min"));
        slotMinutes.setHelperText(DoctorRules.SLOT_MIN + "–" + DoctorRules.SLOT_MAX + " minutes; applies to new bookings");
        dailyCapacity.setMin(DoctorRules.CAPACITY_MIN);
        dailyCapacity.setMax(DoctorRules.CAPACITY_MAX);
        dailyCapacity.setStepButtonsVisible(true);
        dailyCapacity.setHelperText("Most appointments booked on one day");
        slotMinutes.setI18n(new IntegerField.IntegerFieldI18n()
                .setMinErrorMessage(DoctorRules.slotMinutesProblem(0).orElseThrow())
                .setMaxErrorMessage(DoctorRules.slotMinutesProblem(Integer.MAX_VALUE).orElseThrow())
                .setStepErrorMessage("Use whole 5-minute steps")
                .setBadInputErrorMessage("Enter a number of minutes"));
        dailyCapacity.setI18n(new IntegerField.IntegerFieldI18n()
                .setMinErrorMessage(DoctorRules.dailyCapacityProblem(0).orElseThrow())
                .setMaxErrorMessage(DoctorRules.dailyCapacityProblem(Integer.MAX_VALUE).orElseThrow())
                .setBadInputErrorMessage("Enter a number of patients"));

        if (editing == null) {
            binder.forField(account).asRequired("Choose the doctor's staff account").bind(Data::getAccount, Data::setAccount);
        }
        binder.forField(displayName).withValidator(check(DoctorRules::nameProblem))
                .bind(Data::getDisplayName, Data::setDisplayName);
        binder.forField(specialty).asRequired("Choose a specialty").bind(Data::getSpecialty, Data::setSpecialty);
        binder.forField(room).withValidator(check(DoctorRules::roomProblem)).bind(Data::getRoom, Data::setRoom);
        binder.forField(slotMinutes).withValidator(check(DoctorRules::slotMinutesProblem))
                .bind(Data::getSlotMinutes, Data::setSlotMinutes);
        binder.forField(dailyCapacity).withValidator(check(DoctorRules::dailyCapacityProblem))
                .bind(Data::getDailyCapacity, Data::setDailyCapacity);
        binder.forField(email).withValidator(check(DoctorRules::emailProblem)).bind(Data::getEmail, Data::setEmail);
        binder.forField(registrationNumber).withValidator(check(DoctorRules::registrationNumberProblem))
                .bind(Data::getRegistrationNumber, Data::setRegistrationNumber);

        Data data = new Data();
        if (editing != null) {
            data.displayName = editing.displayName();
            data.specialty = specialties.stream().filter(s -> s.id().equals(editing.specialty().id())).findFirst()
                    .orElse(null);
            data.room = editing.room();
            data.slotMinutes = editing.slotMinutes();
            data.dailyCapacity = editing.dailyCapacity();
            data.email = editing.email();
            data.registrationNumber = editing.registrationNumber() == null ? "" : editing.registrationNumber();
        }
        binder.setBean(data);

        serviceMessages.bind("staffUsername", account).bind("displayName", displayName).bind("specialtyId", specialty)
                .bind("room", room).bind("slotMinutes", slotMinutes).bind("dailyCapacity", dailyCapacity)
                .bind("email", email).bind("registrationNumber", registrationNumber);

        if (editing == null) {
            layout.add(account);
            layout.setColspan(account, 2);
        }
        layout.add(displayName, specialty, room, registrationNumber, slotMinutes, dailyCapacity, email);
        layout.setColspan(email, 2);
        layout.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("480px", 2));
    }

    /** Validates every field, showing each message next to its field; the new doctor when all are valid. */
    Optional<NewDoctor> validNewDoctor() {
        if (!binder.validate().isOk()) {
            return Optional.empty();
        }
        Data d = binder.getBean();
        return Optional.of(new NewDoctor(d.account == null ? "" : d.account.username(), text(d.displayName),
                d.specialty == null ? new java.util.UUID(0, 0) : d.specialty.id(), text(d.email),
                text(d.registrationNumber), text(d.room), number(d.slotMinutes), number(d.dailyCapacity)));
    }

    Optional<DoctorChanges> validChanges() {
        if (!binder.validate().isOk()) {
            return Optional.empty();
        }
        Data d = binder.getBean();
        return Optional.of(new DoctorChanges(d.displayName, d.specialty == null ? null : d.specialty.id(), d.email,
                d.registrationNumber, d.room, number(d.slotMinutes), number(d.dailyCapacity)));
    }

    void show(RuleViolation violation) {
        serviceMessages.show(violation);
    }

    void focus() {
        if (editing == null) {
            account.focus();
        } else {
            displayName.focus();
        }
    }

    private static String text(@Nullable String value) {
        return value == null ? "" : value;
    }

    private static int number(@Nullable Integer value) {
        return value == null ? 0 : value;
    }

    private static <T> Validator<T> check(Function<@Nullable T, Optional<String>> rule) {
        return (value, context) -> rule.apply(value).map(ValidationResult::error).orElse(ValidationResult.ok());
    }

    /** The form's working copy; only the form sees it. */
    static final class Data {
        private @Nullable StaffAccountSummary account;
        private @Nullable String displayName = "";
        private @Nullable SpecialtySummary specialty;
        private @Nullable String room = "";
        private @Nullable Integer slotMinutes = 15;
        private @Nullable Integer dailyCapacity = 20;
        private @Nullable String email = "";
        private @Nullable String registrationNumber = "";

        @Nullable StaffAccountSummary getAccount() { return account; }
        void setAccount(@Nullable StaffAccountSummary v) { account = v; }
        @Nullable String getDisplayName() { return displayName; }
        void setDisplayName(@Nullable String v) { displayName = v; }
        @Nullable SpecialtySummary getSpecialty() { return specialty; }
        void setSpecialty(@Nullable SpecialtySummary v) { specialty = v; }
        @Nullable String getRoom() { return room; }
        void setRoom(@Nullable String v) { room = v; }
        @Nullable Integer getSlotMinutes() { return slotMinutes; }
        void setSlotMinutes(@Nullable Integer v) { slotMinutes = v; }
        @Nullable Integer getDailyCapacity() { return dailyCapacity; }
        void setDailyCapacity(@Nullable Integer v) { dailyCapacity = v; }
        @Nullable String getEmail() { return email; }
        void setEmail(@Nullable String v) { email = v; }
        @Nullable String getRegistrationNumber() { return registrationNumber; }
        void setRegistrationNumber(@Nullable String v) { registrationNumber = v; }
    }
}
