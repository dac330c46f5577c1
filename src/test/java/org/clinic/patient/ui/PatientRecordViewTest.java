package org.clinic.patient.ui;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import org.clinic.base.ui.RecordNotFoundView;
import org.clinic.patient.PatientChangeEntry;
import org.clinic.patient.PatientRecord;
import org.clinic.patient.PatientService;
import org.clinic.patient.PatientStatus;
import org.clinic.patient.TestPatients;
import org.clinic.security.Role;
import org.clinic.security.SystemAuthentication;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.test.context.support.WithMockUser;

import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.clinic.base.ui.LiveScreens.awaitLiveUpdate;

@SpringBootTest
@WithMockUser(username = "grace", roles = "RECEPTIONIST")
class PatientRecordViewTest extends SpringBrowserlessTest {

    @Autowired
    PatientService patients;
    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @Test
    void editing_saves_the_change_and_shows_it_in_the_history() {
        PatientRecord patient = patients.register(TestPatients.details(), false);
        open(patient);

        test($(Button.class).id("edit-patient")).click();
        test($(TextField.class).id("given-name")).setValue("Annika");
        test($(Button.class).id("save-patient")).click();

        assertThat($(H2.class).id("patient-name").getText()).isEqualTo("Annika " + patient.familyName());
        assertThat(history().getListDataView().getItems().map(PatientChangeEntry::newValue)).contains("Annika");
        assertThat(history().getListDataView().getItems().map(PatientChangeEntry::changedBy)).contains("grace");
    }

    @Test
    void deactivating_marks_the_patient_inactive_after_confirmation() {
        PatientRecord patient = patients.register(TestPatients.details(), false);
        open(patient);

        test($(Button.class).id("toggle-status")).click();
        test($(ConfirmDialog.class).single()).confirm();

        assertThat(patients.get(patient.id()).status()).isEqualTo(PatientStatus.INACTIVE);
        assertThat($(Div.class).id("inactive-banner").isVisible()).isTrue();
        assertThat($(Button.class).id("toggle-status").getText()).isEqualTo("Reactivate");
    }

    @Test
    void a_change_made_at_another_desk_shows_up_on_an_open_record() throws Exception {
        PatientRecord patient = patients.register(TestPatients.details(), false);
        open(patient);

        SystemAuthentication.runAs(Role.RECEPTIONIST, () -> patients.deactivate(patient.id()));

        awaitLiveUpdate(() -> $(Div.class).id("inactive-banner").isVisible());
    }

    @Test
    void markup_characters_in_a_field_are_shown_as_text() {
        PatientRecord patient = patients.register(new org.clinic.patient.PatientDetails("Anna", TestPatients.uniqueName(),
                java.time.LocalDate.of(1970, 1, 1), false, org.clinic.patient.Sex.FEMALE, null, null,
                "Flat 2 & 3, \"The Old Mill\" - 'north' wing"), false);
        open(patient);

        var details = $(Div.class).id("patient-details");
        assertThat(details.getElement().getOuterHTML()).contains("Flat 2 &amp; 3, \"The Old Mill\" - 'north' wing")
                .doesNotContain("<script");
    }

    @Test
    void an_unknown_or_malformed_patient_id_shows_a_not_found_page() {
        navigate("patients/" + UUID.randomUUID(), RecordNotFoundView.class);
        navigate("patients/not-a-uuid", RecordNotFoundView.class);
        navigate("patients/1", RecordNotFoundView.class);
    }

    @Test
    @WithMockUser(roles = "DOCTOR")
    void doctors_read_the_record_but_cannot_change_it() {
        PatientRecord patient = SystemAuthentication.runAs(Role.RECEPTIONIST,
                () -> patients.register(TestPatients.details(), false));
        open(patient);
        breakTheGlass("Referral review", "Letter from the hospital");

        assertThat($(Button.class).withId("edit-patient").exists()).isFalse();
        assertThat($(Button.class).withId("toggle-status").exists()).isFalse();
        assertThat($(H2.class).id("patient-name").getText()).isEqualTo(patient.fullName());
    }

    @Test
    @WithMockUser(username = "dr.stranger", roles = "DOCTOR")
    void a_doctor_who_does_not_look_after_the_patient_says_why_before_anything_is_shown() {
        PatientRecord patient = SystemAuthentication.runAs(Role.RECEPTIONIST,
                () -> patients.register(TestPatients.details(), false));
        open(patient);

        assertThat($(Dialog.class).id("break-the-glass").isOpened()).isTrue();
        assertThat($(H2.class).all()).as("nothing of the record shown yet")
                .noneMatch(h -> h.getId().filter("patient-name"::equals).isPresent());
        assertThat(accessRows(patient)).isEmpty();

        test($(Button.class).id("break-the-glass-open")).click();
        assertThat($(RadioButtonGroup.class).id("break-the-glass-choice").isInvalid()).isTrue();
        assertThat($(TextArea.class).id("break-the-glass-reason").isInvalid()).isTrue();
        breakTheGlass("Emergency care", "abc");
        assertThat($(TextArea.class).id("break-the-glass-reason").getErrorMessage()).contains("5–");
        assertThat($(H2.class).all()).noneMatch(h -> h.getId().filter("patient-name"::equals).isPresent());

        test($(TextArea.class).id("break-the-glass-reason")).setValue("Brought in unconscious, no relatives");
        test($(Button.class).id("break-the-glass-open")).click();

        assertThat($(H2.class).id("patient-name").getText()).isEqualTo(patient.fullName());
        assertThat(accessRows(patient)).containsExactly(
                "RECORD|dr.stranger|Emergency care: Brought in unconscious, no relatives|true",
                "HISTORY|dr.stranger|Emergency care: Brought in unconscious, no relatives|true",
                "SAFETY|dr.stranger|Emergency care: Brought in unconscious, no relatives|true",
                "CONSULTATION|dr.stranger|Emergency care: Brought in unconscious, no relatives|true", // medications
                "CONSULTATION|dr.stranger|Emergency care: Brought in unconscious, no relatives|true");

        navigate(PatientRegistryView.class);
        open(patient);
        assertThat($(Dialog.class).withId("break-the-glass").exists()).as("asked once a session").isFalse();
        assertThat($(H2.class).id("patient-name").getText()).isEqualTo(patient.fullName());
        assertThat(accessRows(patient)).hasSize(10).allSatisfy(row -> assertThat(row).endsWith("|true"));
    }

    @Test
    @WithMockUser(username = "dr.stranger", roles = "DOCTOR")
    void a_doctor_who_gives_no_reason_goes_back_to_the_patient_list() {
        PatientRecord patient = SystemAuthentication.runAs(Role.RECEPTIONIST,
                () -> patients.register(TestPatients.details(), false));
        open(patient);

        test($(Button.class).id("break-the-glass-cancel")).click();

        assertThat(getCurrentView()).isInstanceOf(PatientRegistryView.class);
        assertThat(accessRows(patient)).isEmpty();
    }

    @Test
    @WithMockUser(username = "ada", roles = "ADMIN")
    void administrators_open_who_looked_at_this_patient_from_the_record() {
        PatientRecord patient = SystemAuthentication.runAs(Role.RECEPTIONIST,
                () -> patients.register(TestPatients.details(), false));
        open(patient);

        test($(Button.class).id("patient-access-log")).click();

        assertThat(getCurrentView()).isInstanceOf(PatientAccessLogView.class);
        assertThat($(TextField.class).id("access-log-patient").getValue()).contains(patient.displayMrn());
    }

    @Test
    void receptionists_are_never_asked_why_and_see_no_access_log_button() {
        PatientRecord patient = patients.register(TestPatients.details(), false);
        open(patient);

        assertThat($(Dialog.class).withId("break-the-glass").exists()).isFalse();
        assertThat($(Button.class).withId("patient-access-log").exists()).isFalse();
        assertThat(accessRows(patient)).contains("RECORD|grace|care|false");
    }

    private void breakTheGlass(String choice, String details) {
        test($(RadioButtonGroup.class).id("break-the-glass-choice")).selectItem(choice);
        test($(TextArea.class).id("break-the-glass-reason")).setValue(details);
        test($(Button.class).id("break-the-glass-open")).click();
    }

    private java.util.List<String> accessRows(PatientRecord patient) {
        return jdbc.sql("SELECT CONCAT_WS('|', what, staff_username, reason, IF(broke_glass, 'true', 'false'))"
                        + " FROM patient_access_log WHERE patient_public_id = :p ORDER BY id")
                .param("p", patient.id().toString()).query(String.class).list();
    }

    private void open(PatientRecord patient) {
        navigate(PatientRecordView.class, Map.of("patientId", patient.id().toString()));
    }

    @SuppressWarnings("unchecked")
    private Grid<PatientChangeEntry> history() {
        return $(Grid.class).id("patient-history");
    }
}
