package org.clinic.doctor.ui;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.textfield.TextField;
import org.clinic.appointment.TestClinic;
import org.clinic.doctor.DoctorRecord;
import org.clinic.doctor.DoctorService;
import org.clinic.doctor.DoctorSummary;
import org.clinic.patient.PatientService;
import org.clinic.security.CreateStaffAccount;
import org.clinic.security.Role;
import org.clinic.security.StaffAccountService;
import org.clinic.security.StaffAccountSummary;
import org.clinic.security.SystemAuthentication;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.test.context.support.WithMockUser;

import java.time.LocalTime;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;

/** The registration number in the administrators' doctor form: its shape at the field, a taken one from the service. */
@SpringBootTest
@WithMockUser(username = "boss", roles = "ADMIN")
class DoctorRegistrationFormTest extends SpringBrowserlessTest {

    @Autowired
    DoctorService doctors;
    @Autowired
    StaffAccountService accounts;
    @Autowired
    PatientService patients;

    @Test
    void a_misshapen_or_taken_registration_number_is_shown_at_its_field_and_nothing_is_saved() {
        DoctorSummary existing = new TestClinic(accounts, doctors, patients)
                .doctor(LocalTime.of(9, 0), LocalTime.of(12, 0), 15, 10);
        String username = "regform" + ThreadLocalRandom.current().nextInt(100_000_000);
        accounts.create(new CreateStaffAccount(username, "Dr Registration Form", "doctor-password", Role.DOCTOR));
        navigate(DoctorsView.class);

        test($(Button.class).id("add-doctor")).click();
        Dialog dialog = $(Dialog.class).single();
        test(account(dialog)).selectItem("Dr Registration Form (" + username + ")");
        test(specialty(dialog)).selectItem(existing.specialty().name());
        test($(TextField.class, dialog).id("doctor-room")).setValue("F");
        test($(TextField.class, dialog).id("doctor-email")).setValue(username + "@clinic.example.org");
        TextField registration = $(TextField.class, dialog).id("doctor-registration");
        assertThat(registration.getHelperText()).contains("printed on prescriptions");

        test(registration).setValue("KMC/2012/123");
        assertThat(registration.isInvalid()).isTrue();
        assertThat(registration.getErrorMessage()).contains("letters, digits, spaces and dashes");
        test(registration).setValue("G1");
        assertThat(registration.getErrorMessage()).contains("3–30").doesNotContain("digits, e.g.");
        test(registration).setValue("GMC-ABC");
        assertThat(registration.getErrorMessage()).contains("contains digits");
        test($(Button.class, dialog).id("save-doctor")).click();
        assertThat(dialog.isOpened()).isTrue();

        // a number only the service knows is taken (another doctor's), told at the same field
        test(registration).setValue(existing.registrationNumber().toLowerCase());
        assertThat(registration.isInvalid()).isFalse();
        test($(Button.class, dialog).id("save-doctor")).click();
        assertThat(registration.getErrorMessage()).isEqualTo("Another doctor has this registration number");
        assertThat(dialog.isOpened()).isTrue();
        assertThat(linked(username)).isFalse();

        test(registration).setValue("GMC 9" + username.substring(7));
        test($(Button.class, dialog).id("save-doctor")).click();
        assertThat(linked(username)).isTrue();
    }

    private boolean linked(String username) {
        return SystemAuthentication.runAs(Role.ADMIN, () -> doctors.allDoctors().stream()
                .map(DoctorRecord::staffUsername).anyMatch(username::equals));
    }

    @SuppressWarnings("unchecked")
    private ComboBox<StaffAccountSummary> account(Dialog dialog) {
        return $(ComboBox.class, dialog).id("doctor-account");
    }

    @SuppressWarnings("unchecked")
    private ComboBox<org.clinic.doctor.SpecialtySummary> specialty(Dialog dialog) {
        return $(ComboBox.class, dialog).id("doctor-specialty");
    }
}
