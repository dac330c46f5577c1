package org.clinic.patient.ui;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.textfield.TextField;
import org.clinic.patient.PatientRecord;
import org.clinic.patient.PatientService;
import org.clinic.patient.PatientSummary;
import org.clinic.patient.TestPatients;
import org.clinic.security.Role;
import org.clinic.security.SystemAuthentication;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.test.context.support.WithMockUser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.clinic.base.ui.LiveScreens.awaitLiveUpdate;

@SpringBootTest
@WithMockUser(username = "grace", roles = "RECEPTIONIST")
class PatientRegistryViewTest extends SpringBrowserlessTest {

    @Autowired
    PatientService patients;

    @Test
    void typing_a_name_shows_the_matching_patients() {
        String family = TestPatients.uniqueName();
        patients.register(TestPatients.details("Søren", family), false);
        patients.register(TestPatients.details("Åsa", family), false);
        navigate(PatientRegistryView.class);

        test($(TextField.class).id("patient-search")).setValue(family.toLowerCase());

        var grid = test(results());
        assertThat(grid.size()).isEqualTo(2);
        assertThat(grid.getRow(0).givenName()).isEqualTo("Åsa");
        assertThat(grid.getCellText(0, 1)).isEqualTo(family + ", Åsa");
    }

    @Test
    void clicking_a_result_opens_the_patient_record() {
        String family = TestPatients.uniqueName();
        PatientRecord patient = patients.register(TestPatients.details("Mei", family), false);
        navigate(PatientRegistryView.class);
        test($(TextField.class).id("patient-search")).setValue(family);

        test(results()).clickRow(0);

        assertThat(getCurrentView()).isInstanceOf(PatientRecordView.class);
        assertThat(com.vaadin.flow.component.UI.getCurrent().getInternals().getActiveViewLocation().getPath())
                .isEqualTo("patients/" + patient.id());
    }

    @Test
    void a_patient_registered_elsewhere_appears_in_open_results_without_reload() throws Exception {
        String family = TestPatients.uniqueName();
        navigate(PatientRegistryView.class);
        test($(TextField.class).id("patient-search")).setValue(family);
        assertThat(test(results()).size()).isZero();

        SystemAuthentication.runAs(Role.RECEPTIONIST, () -> patients.register(TestPatients.details("Omar", family), false));

        awaitLiveUpdate(() -> test(results()).size() == 1);
    }

    @Test
    @WithMockUser(roles = "DOCTOR")
    void doctors_search_but_do_not_see_the_register_button() {
        navigate(PatientRegistryView.class);
        assertThat($(Button.class).withId("register-patient").exists()).isFalse();
    }

    @SuppressWarnings("unchecked")
    private Grid<PatientSummary> results() {
        return $(Grid.class).id("patient-results");
    }
}
