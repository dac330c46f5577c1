package org.clinic.security.ui;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.UI;
import org.clinic.appointment.ui.BookAppointmentView;
import org.clinic.appointment.ui.DayAppointmentsView;
import org.clinic.base.ui.NotFoundView;
import org.clinic.patient.PatientRecord;
import org.clinic.patient.PatientService;
import org.clinic.patient.TestPatients;
import org.clinic.patient.ui.PatientRecordView;
import org.clinic.patient.ui.PatientRegistryView;
import org.clinic.patient.ui.RegisterPatientView;
import org.clinic.queue.ui.DisplaySetupView;
import org.clinic.queue.ui.WaitingRoomDisplayView;
import org.clinic.security.Role;
import org.clinic.security.SystemAuthentication;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.test.context.support.WithAnonymousUser;
import org.springframework.security.test.context.support.WithMockUser;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every route against every role: who opens what, and where everyone else ends up (sign-in for anonymous
 * visitors, a not-found page for signed-in roles that may not open it, never the data).
 */
@SpringBootTest
class RouteAccessTest extends SpringBrowserlessTest {

    @Autowired
    PatientService patients;

    private String recordRoute;

    @BeforeEach
    void a_patient_to_open() {
        PatientRecord patient = SystemAuthentication.runAs(Role.RECEPTIONIST,
                () -> patients.register(TestPatients.details(), false));
        recordRoute = "patients/" + patient.id();
    }

    @Test
    @WithMockUser(roles = "ADMIN")
    void administrators() {
        assertRoutes(Map.of("", PatientRegistryView.class, "patients", PatientRegistryView.class,
                "patients/new", RegisterPatientView.class, recordRoute, PatientRecordView.class,
                "admin/staff", StaffAccountsView.class, "device", NotFoundView.class, "display", WaitingRoomDisplayView.class,
                "appointments", DayAppointmentsView.class, "appointments/book", BookAppointmentView.class));
    }

    @Test
    @WithMockUser(roles = "RECEPTIONIST")
    void receptionists() {
        assertRoutes(Map.of("", PatientRegistryView.class, "patients", PatientRegistryView.class,
                "patients/new", RegisterPatientView.class, recordRoute, PatientRecordView.class,
                "admin/staff", NotFoundView.class, "device", NotFoundView.class, "display", WaitingRoomDisplayView.class,
                "appointments", DayAppointmentsView.class, "appointments/book", BookAppointmentView.class));
    }

    @Test
    @WithMockUser(roles = "DOCTOR")
    void doctors() {
        assertRoutes(Map.of("", PatientRegistryView.class, "patients", PatientRegistryView.class,
                "patients/new", NotFoundView.class, recordRoute, PatientRecordView.class,
                "admin/staff", NotFoundView.class, "device", NotFoundView.class, "display", WaitingRoomDisplayView.class,
                "appointments", DayAppointmentsView.class, "appointments/book", NotFoundView.class));
    }

    @Test
    @WithMockUser(roles = "DISPLAY")
    void waiting_room_displays() {
        assertRoutes(Map.of("", DisplaySetupView.class, "patients", NotFoundView.class,
                "patients/new", NotFoundView.class, recordRoute, NotFoundView.class,
                "admin/staff", NotFoundView.class, "device", DisplaySetupView.class, "display", WaitingRoomDisplayView.class,
                "appointments", NotFoundView.class, "appointments/book", NotFoundView.class));
    }

    @Test
    @WithAnonymousUser
    void anonymous_visitors_are_sent_to_sign_in() {
        assertRoutes(Map.of("", LoginView.class, "patients", LoginView.class,
                "patients/new", LoginView.class, recordRoute, LoginView.class,
                "admin/staff", LoginView.class, "login", LoginView.class, "device", LoginView.class, "display", LoginView.class,
                "appointments", LoginView.class, "appointments/book", LoginView.class));
    }

    private void assertRoutes(Map<String, Class<?>> expected) {
        Map<String, Class<?>> actual = new LinkedHashMap<>();
        for (String route : expected.keySet()) {
            UI.getCurrent().navigate(route);
            actual.put(route, getCurrentView().getClass());
        }
        assertThat(actual).containsExactlyInAnyOrderEntriesOf(expected);
    }
}
