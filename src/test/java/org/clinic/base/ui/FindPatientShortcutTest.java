package org.clinic.base.ui;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.button.Button;
import org.clinic.appointment.ui.DayAppointmentsView;
import org.clinic.patient.ui.PatientRegistryView;
import org.clinic.queue.ui.DoctorQueueView;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.test.context.support.WithMockUser;

import static org.assertj.core.api.Assertions.assertThat;

/** Find patient, on every staff screen, opens the patient search; its tooltip names its key (Ctrl+K). */
@SpringBootTest
class FindPatientShortcutTest extends SpringBrowserlessTest {

    @Test
    @WithMockUser(roles = "RECEPTIONIST")
    void find_patient_names_its_key_and_opens_the_patient_search_from_the_day_list() {
        navigate(DayAppointmentsView.class);
        Button find = $(Button.class).id("find-patient");
        assertThat(find.getTooltip().getText()).contains("Ctrl+K"); // the key itself: DeskScreensJourneyTest

        test(find).click();

        assertThat(getCurrentView()).isInstanceOf(PatientRegistryView.class);
    }

    @Test
    @WithMockUser(roles = "DOCTOR")
    void the_find_patient_button_opens_the_search_from_a_doctors_queue() {
        navigate(DoctorQueueView.class);

        test($(Button.class).id("find-patient")).click();

        assertThat(getCurrentView()).isInstanceOf(PatientRegistryView.class);
    }
}
