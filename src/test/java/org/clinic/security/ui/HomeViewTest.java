package org.clinic.security.ui;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.UI;
import org.clinic.queue.ui.DisplaySetupView;
import org.clinic.queue.ui.DoctorQueueView;
import org.clinic.queue.ui.ReceptionQueueView;
import org.clinic.statistics.ui.DashboardView;
import org.clinic.visit.ui.KioskView;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.test.context.support.WithMockUser;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The start address, where sign-in lands: each role's own first screen, and for several roles the most specific
 * (device, then doctor, then reception, then administration).
 */
@SpringBootTest
class HomeViewTest extends SpringBrowserlessTest {

    @Test
    @WithMockUser(roles = "RECEPTIONIST")
    void reception_lands_on_the_reception_dashboard() {
        assertThat(home()).isEqualTo(ReceptionQueueView.class);
    }

    @Test
    @WithMockUser(roles = "DOCTOR")
    void a_doctor_lands_on_their_queue() {
        assertThat(home()).isEqualTo(DoctorQueueView.class);
    }

    @Test
    @WithMockUser(roles = "ADMIN")
    void an_administrator_lands_on_the_statistics_dashboard() {
        assertThat(home()).isEqualTo(DashboardView.class);
    }

    @Test
    @WithMockUser(roles = "DISPLAY")
    void a_waiting_room_display_lands_on_its_setup_page() {
        assertThat(home()).isEqualTo(DisplaySetupView.class);
    }

    @Test
    @WithMockUser(roles = "KIOSK")
    void a_kiosk_lands_on_self_check_in() {
        assertThat(home()).isEqualTo(KioskView.class);
    }

    @Test
    @WithMockUser(roles = {"ADMIN", "DOCTOR"})
    void a_doctor_who_also_administers_lands_on_their_queue() {
        assertThat(home()).isEqualTo(DoctorQueueView.class);
    }

    @Test
    @WithMockUser(roles = {"ADMIN", "RECEPTIONIST"})
    void a_receptionist_who_also_administers_lands_on_the_reception_dashboard() {
        assertThat(home()).isEqualTo(ReceptionQueueView.class);
    }

    @Test
    @WithMockUser(roles = {"RECEPTIONIST", "DOCTOR"})
    void a_doctor_who_also_covers_the_desk_lands_on_their_queue() {
        assertThat(home()).isEqualTo(DoctorQueueView.class);
    }

    private Class<?> home() {
        UI.getCurrent().navigate("");
        return getCurrentView().getClass();
    }
}
