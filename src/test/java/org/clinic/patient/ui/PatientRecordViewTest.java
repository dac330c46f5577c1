package org.clinic.patient.ui;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
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

        assertThat($(Button.class).withId("edit-patient").exists()).isFalse();
        assertThat($(Button.class).withId("toggle-status").exists()).isFalse();
        assertThat($(H2.class).id("patient-name").getText()).isEqualTo(patient.fullName());
    }

    private void open(PatientRecord patient) {
        navigate(PatientRecordView.class, Map.of("patientId", patient.id().toString()));
    }

    @SuppressWarnings("unchecked")
    private Grid<PatientChangeEntry> history() {
        return $(Grid.class).id("patient-history");
    }
}
