package org.clinic.patient.ui;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.data.binder.ValidationResult;
import com.vaadin.flow.data.binder.Validator;
import com.vaadin.flow.data.value.ValueChangeMode;
import org.clinic.base.ui.DateFields;
import org.clinic.base.RuleViolation;
import org.clinic.base.ui.FieldMessages;
import org.clinic.patient.PatientDetails;
import org.clinic.patient.PatientRecord;
import org.clinic.patient.PatientRules;
import org.clinic.patient.Sex;
import org.jspecify.annotations.Nullable;

import java.time.LocalDate;
import java.util.Optional;
import java.util.function.Function;

/**
 * The patient details form, for registering and for editing. Each field is checked by {@link PatientRules} as it
 * is typed; the service checks everything again on save.
 */
class PatientForm extends Composite<FormLayout> {

    final TextField givenName = new TextField("Given name");
    final TextField familyName = new TextField("Family name");
    final Checkbox birthDateUnknown = new Checkbox("Date of birth not known");
    final DatePicker birthDate = new DatePicker("Date of birth");
    final IntegerField age = new IntegerField("Age in years");
    final RadioButtonGroup<Sex> sex = new RadioButtonGroup<>("Sex");
    final TextField phone = new TextField("Phone");
    final TextField email = new TextField("Email");
    final TextArea address = new TextArea("Address");

    private final PatientRules rules;
    private final Binder<Data> binder = new Binder<>();
    private final FieldMessages serviceMessages = new FieldMessages();

    PatientForm(PatientRules rules) {
        this.rules = rules;
        FormLayout layout = getContent();
        layout.addClassName("clinic-patient-form");

        givenName.setId("given-name");
        familyName.setId("family-name");
        birthDate.setId("birth-date");
        age.setId("age");
        sex.setId("sex");
        phone.setId("phone");
        email.setId("email");
        address.setId("address");

        for (TextField field : new TextField[]{givenName, familyName, phone, email}) {
            field.setValueChangeMode(ValueChangeMode.LAZY);
            field.setValueChangeTimeout(300);
        }
        givenName.setMaxLength(PatientRules.NAME_MAX + 20); // room to be told it is too long, not silently cut
        familyName.setMaxLength(PatientRules.NAME_MAX + 20);
        givenName.setAutocomplete(com.vaadin.flow.component.textfield.Autocomplete.OFF);
        familyName.setAutocomplete(com.vaadin.flow.component.textfield.Autocomplete.OFF);
        birthDate.setMax(rules.today());
        birthDate.setPlaceholder("DD/MM/YYYY");
        DateFields.birthDate(birthDate,
                i18n -> i18n.setMaxErrorMessage("The date of birth cannot be in the future"));
        age.setMin(0);
        age.setMax(PatientRules.MAX_AGE);
        age.setStepButtonsVisible(false);
        age.setHelperText("Recorded as an estimated date of birth");
        age.setVisible(false);
        sex.setItems(Sex.values());
        sex.setItemLabelGenerator(Sex::label);
        phone.setPlaceholder("020 7946 0123");
        phone.setHelperText("Optional. Any common format; stored internationally");
        email.setPlaceholder("name@example.org");
        email.setHelperText("Optional");
        address.setHelperText("Optional");
        address.setMaxLength(PatientRules.ADDRESS_MAX + 50);

        birthDateUnknown.addValueChangeListener(change -> {
            boolean unknown = change.getValue();
            birthDate.setVisible(!unknown);
            age.setVisible(unknown);
            (unknown ? age : birthDate).focus();
        });

        binder.forField(givenName).withValidator(check(rules::nameProblem)).bind(Data::getGivenName, Data::setGivenName);
        binder.forField(familyName).withValidator(check(rules::nameProblem)).bind(Data::getFamilyName, Data::setFamilyName);
        binder.forField(birthDate).withValidator(whenDateKnown(check(rules::birthDateProblem)))
                .bind(Data::getBirthDate, Data::setBirthDate);
        binder.forField(age).withValidator(whenDateUnknown(check(rules::ageProblem))).bind(Data::getAge, Data::setAge);
        binder.forField(sex).withValidator(check(rules::sexProblem)).bind(Data::getSex, Data::setSex);
        binder.forField(phone).withValidator(check(rules::phoneProblem)).bind(Data::getPhone, Data::setPhone);
        binder.forField(email).withValidator(check(rules::emailProblem)).bind(Data::getEmail, Data::setEmail);
        binder.forField(address).withValidator(check(rules::addressProblem)).bind(Data::getAddress, Data::setAddress);
        binder.forField(birthDateUnknown).bind(Data::isBirthDateUnknown, Data::setBirthDateUnknown);
        binder.setBean(new Data());

        serviceMessages.bind("givenName", givenName).bind("familyName", familyName).bind("birthDate", birthDate)
                .bind("sex", sex).bind("phone", phone).bind("email", email).bind("address", address);

        layout.add(givenName, familyName, birthDateUnknown, birthDate, age, sex, phone, email, address);
        layout.setColspan(birthDateUnknown, 2);
        layout.setColspan(address, 2);
        layout.setColspan(sex, 2);
        layout.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("520px", 2));
    }

    /** Fills the form from a patient's current record, for editing. */
    void fill(PatientRecord patient) {
        Data data = new Data();
        data.setGivenName(patient.givenName());
        data.setFamilyName(patient.familyName());
        data.setBirthDateUnknown(patient.birthDateEstimated());
        data.setBirthDate(patient.birthDate());
        data.setAge(patient.birthDateEstimated() ? rules.ageOn(patient.birthDate()) : null);
        data.setSex(patient.sex());
        data.setPhone(patient.phone() == null ? "" : patient.phone());
        data.setEmail(patient.email() == null ? "" : patient.email());
        data.setAddress(patient.address() == null ? "" : patient.address());
        binder.setBean(data);
    }

    /** Validates every field, showing each message next to its field; the details when all are valid. */
    Optional<PatientDetails> validDetails() {
        return binder.validate().isOk() ? Optional.of(details()) : Optional.empty();
    }

    /** What has been typed so far, valid or not (for the duplicate warning). */
    PatientDetails details() {
        Data data = binder.getBean();
        boolean unknown = data.isBirthDateUnknown();
        LocalDate dob = unknown
                ? (data.getAge() == null || rules.ageProblem(data.getAge()).isPresent() ? null
                        : rules.estimatedBirthDate(data.getAge()))
                : data.getBirthDate();
        return new PatientDetails(data.getGivenName(), data.getFamilyName(), dob, unknown, data.getSex(),
                data.getPhone(), data.getEmail(), data.getAddress());
    }

    void addChangeListener(Runnable listener) {
        binder.addValueChangeListener(change -> listener.run());
    }

    /** Shows the service's verdict next to the fields it names; problems about the whole request as a notice. */
    void show(RuleViolation violation) {
        if (birthDateUnknown.getValue()) {
            serviceMessages.bind("birthDate", age);
        } else {
            serviceMessages.bind("birthDate", birthDate);
        }
        serviceMessages.show(violation);
    }

    void focus() {
        givenName.focus();
    }

    /**
     * Puts a component across the form right under the name and date-of-birth fields (the duplicate warning:
     * read while those are typed, visible without scrolling).
     */
    void addBelowNameAndBirthDate(com.vaadin.flow.component.Component component) {
        FormLayout layout = getContent();
        layout.addComponentAtIndex(layout.indexOf(age) + 1, component);
        layout.setColspan(component, 2);
    }

    private <T> Validator<T> check(Function<@Nullable T, Optional<String>> rule) {
        return (value, context) -> rule.apply(value).map(ValidationResult::error).orElse(ValidationResult.ok());
    }

    private <T> Validator<T> whenDateKnown(Validator<T> validator) {
        return (value, context) -> birthDateUnknown.getValue() ? ValidationResult.ok() : validator.apply(value, context);
    }

    private <T> Validator<T> whenDateUnknown(Validator<T> validator) {
        return (value, context) -> birthDateUnknown.getValue() ? validator.apply(value, context) : ValidationResult.ok();
    }

    /** The form's working copy; only the form sees it. */
    static final class Data {
        private @Nullable String givenName = "";
        private @Nullable String familyName = "";
        private boolean birthDateUnknown;
        private @Nullable LocalDate birthDate;
        private @Nullable Integer age;
        private @Nullable Sex sex;
        private @Nullable String phone = "";
        private @Nullable String email = "";
        private @Nullable String address = "";

        @Nullable String getGivenName() { return givenName; }
        void setGivenName(@Nullable String v) { givenName = v; }
        @Nullable String getFamilyName() { return familyName; }
        void setFamilyName(@Nullable String v) { familyName = v; }
        boolean isBirthDateUnknown() { return birthDateUnknown; }
        void setBirthDateUnknown(boolean v) { birthDateUnknown = v; }
        @Nullable LocalDate getBirthDate() { return birthDate; }
        void setBirthDate(@Nullable LocalDate v) { birthDate = v; }
        @Nullable Integer getAge() { return age; }
        void setAge(@Nullable Integer v) { age = v; }
        @Nullable Sex getSex() { return sex; }
        void setSex(@Nullable Sex v) { sex = v; }
        @Nullable String getPhone() { return phone; }
        void setPhone(@Nullable String v) { phone = v; }
        @Nullable String getEmail() { return email; }
        void setEmail(@Nullable String v) { email = v; }
        @Nullable String getAddress() { return address; }
        void setAddress(@Nullable String v) { address = v; }
    }
}
