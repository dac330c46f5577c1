package org.clinic.patient.ui;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.server.VaadinSession;
import org.clinic.patient.PatientRecord;
import org.clinic.patient.PatientService;
import org.clinic.patient.PatientSummary;
import org.clinic.patient.Sex;
import org.clinic.patient.TestPatients;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.test.context.support.WithMockUser;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest
@WithMockUser(username = "grace", roles = "RECEPTIONIST")
class RegisterPatientViewTest extends SpringBrowserlessTest {

    @Autowired
    PatientService patients;
    @Autowired
    JdbcClient jdbc;

    @Test
    void a_receptionist_registers_a_patient_and_lands_on_the_new_record() {
        String family = TestPatients.uniqueName();
        RegisterPatientView view = navigate(RegisterPatientView.class);

        fill(view, "Ngozi", family, LocalDate.of(1990, 4, 2), "0113 496 0457");
        test(button("register")).click();

        PatientRecordView record = (PatientRecordView) getCurrentView();
        assertThat(textOf("patient-name")).isEqualTo("Ngozi " + family);
        assertThat(patients.search(family, 0, 5)).singleElement()
                .satisfies(p -> assertThat(p.phone()).isEqualTo("+441134960457"));
        assertThat(record).isNotNull();
    }

    @Test
    void an_age_can_be_given_when_the_date_of_birth_is_not_known() {
        String family = TestPatients.uniqueName();
        RegisterPatientView view = navigate(RegisterPatientView.class);

        test(field(TextField.class, "given-name")).setValue("Juma");
        test(field(TextField.class, "family-name")).setValue(family);
        test($(Checkbox.class).withCaption("Date of birth not known").single()).click();
        test(field(IntegerField.class, "age")).setValue(42);
        test(radio()).selectItem("Male");
        test(button("register")).click();

        PatientSummary saved = patients.search(family, 0, 5).getFirst();
        assertThat(saved.birthDateEstimated()).isTrue();
        assertThat(saved.birthDate()).isEqualTo(LocalDate.now().minusYears(42).withDayOfYear(1));
    }

    @Test
    void malformed_input_is_shown_at_each_field_and_nothing_is_saved() {
        long before = jdbc.sql("SELECT COUNT(*) FROM patient").query(Long.class).single();
        RegisterPatientView view = navigate(RegisterPatientView.class);

        test(field(TextField.class, "given-name")).setValue("<script>alert('x')</script>");
        test(field(TextField.class, "family-name")).setValue("x".repeat(110)); // the field stops typing at 120
        test(field(DatePicker.class, "birth-date")).setValue(LocalDate.now().minusYears(200));
        test(field(TextField.class, "phone")).setValue("'; DROP TABLE patient; --");
        test(field(TextField.class, "email")).setValue("not an email");
        test(button("register")).click();

        assertThat(field(TextField.class, "given-name").getErrorMessage()).contains("letters");
        assertThat(field(TextField.class, "family-name").getErrorMessage()).contains("100");
        assertThat(field(DatePicker.class, "birth-date").getErrorMessage()).contains("150");
        assertThat(field(TextField.class, "phone").getErrorMessage()).contains("phone");
        assertThat(field(TextField.class, "email").getErrorMessage()).contains("email");
        assertThat(getCurrentView()).isSameAs(view);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM patient").query(Long.class).single()).isEqualTo(before);
    }

    @Test
    void a_possible_duplicate_is_shown_while_typing_and_needs_confirmation() {
        String family = TestPatients.uniqueName();
        String phone = TestPatients.uniquePhone();
        PatientRecord existing = patients.register(TestPatients.withPhone(TestPatients.details("Folake", family), phone), false);
        RegisterPatientView view = navigate(RegisterPatientView.class);

        fill(view, "Chiamaka", family, LocalDate.of(2015, 6, 1), phone);

        var warning = $view(DuplicateWarning.class).single();
        assertThat(warning.isVisible()).isTrue();
        assertThat($(Anchor.class, warning).single().getText()).isEqualTo("Folake " + family);
        assertThat($(Anchor.class, warning).single().getHref()).contains(existing.id().toString());

        test(button("register")).click();
        assertThat(patients.search(family, 0, 5)).hasSize(1); // refused until confirmed

        test($(Checkbox.class).id("confirm-not-duplicate")).click();
        test(button("register")).click();
        assertThat(patients.search(family, 0, 5)).hasSize(2);
    }

    @Test
    void a_sound_alike_name_with_the_same_birth_date_is_flagged_under_the_name_fields_as_it_is_typed() {
        LocalDate born = LocalDate.of(1931, 1, 1).plusDays(java.util.concurrent.ThreadLocalRandom.current()
                .nextInt(365 * 70));
        PatientRecord tariq = patients.register(new org.clinic.patient.PatientDetails("Tariq", "Nasser", born, false,
                Sex.MALE, null, null, null), false);
        navigate(RegisterPatientView.class);

        test(field(TextField.class, "given-name")).setValue("Tarik");
        test(field(TextField.class, "family-name")).setValue("Naser");
        assertThat($view(DuplicateWarning.class).all()).as("no birth date yet: names alone are not enough").isEmpty();
        test(field(DatePicker.class, "birth-date")).setValue(born);

        var warning = $view(DuplicateWarning.class).single();
        assertThat($(Anchor.class, warning).single().getHref()).contains(tariq.id().toString());
        assertThat(warning.getElement().getTextRecursively()).contains("sounds like Tariq Nasser, same date of birth");
        // in the form, straight after the date of birth (and the age that replaces it), before sex, phone and address
        var form = warning.getParent().orElseThrow();
        int birthDate = form.getElement().indexOfChild(field(DatePicker.class, "birth-date").getElement());
        assertThat(form.getElement().indexOfChild(warning.getElement()))
                .isEqualTo(birthDate + 2) // the hidden age field sits between them
                .isLessThan(form.getElement().indexOfChild(field(TextField.class, "phone").getElement()));

        test(field(TextField.class, "family-name")).setValue("Haddad");
        assertThat($view(DuplicateWarning.class).all()).as("the warning follows the typing").isEmpty();
    }

    private void fill(RegisterPatientView view, String given, String family, LocalDate birthDate, String phone) {
        test(field(TextField.class, "given-name")).setValue(given);
        test(field(TextField.class, "family-name")).setValue(family);
        test(field(DatePicker.class, "birth-date")).setValue(birthDate);
        test(radio()).selectItem("Female");
        test(field(TextField.class, "phone")).setValue(phone);
    }

    @SuppressWarnings("unchecked")
    private RadioButtonGroup<Sex> radio() {
        return $(RadioButtonGroup.class).id("sex");
    }

    private <T extends com.vaadin.flow.component.Component> T field(Class<T> type, String id) {
        return $(type).id(id);
    }

    private Button button(String id) {
        return $(Button.class).id(id);
    }

    private String textOf(String id) {
        VaadinSession session = VaadinSession.getCurrent();
        session.getService().runPendingAccessTasks(session);
        return $(com.vaadin.flow.component.html.H2.class).id(id).getText();
    }
}
