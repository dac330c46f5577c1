package org.clinic.security.ui;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.UI;
import org.clinic.appointment.ui.BookAppointmentView;
import org.clinic.appointment.ui.DayAppointmentsView;
import org.clinic.appointment.ui.DoctorDayView;
import org.clinic.queue.ui.DoctorQueueView;
import org.clinic.report.ui.ReportsView;
import org.clinic.queue.ui.ReceptionQueueView;
import org.clinic.appointment.TestClinic;
import org.clinic.base.ui.NotFoundView;
import org.clinic.base.ui.RecordNotFoundView;
import org.clinic.doctor.DoctorService;
import org.clinic.export.ui.ExportsView;
import org.clinic.doctor.ui.ClinicHolidaysView;
import org.clinic.doctor.ui.DoctorHoursView;
import org.clinic.doctor.ui.DoctorsView;
import org.clinic.doctor.ui.MyHoursView;
import org.clinic.doctor.ui.SpecialtiesView;
import org.clinic.message.ui.OutboxView;
import org.clinic.patient.PatientRecord;
import org.clinic.patient.PatientService;
import org.clinic.patient.TestPatients;
import org.clinic.patient.ui.PatientAccessLogView;
import org.clinic.patient.ui.PatientRecordView;
import org.clinic.patient.ui.PatientRegistryView;
import org.clinic.patient.ui.RegisterPatientView;
import org.clinic.queue.ui.DisplaySetupView;
import org.clinic.queue.ui.WaitingRoomDisplayView;
import org.clinic.security.Role;
import org.clinic.security.StaffAccountService;
import org.clinic.security.SystemAuthentication;
import org.clinic.statistics.ui.DashboardView;
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

    @Autowired
    DoctorService doctors;
    @Autowired
    StaffAccountService accounts;
    @Autowired
    org.clinic.queue.QueueService queue;
    @Autowired
    org.clinic.consultation.ConsultationService consultations;

    private String recordRoute;
    private String hoursRoute;
    private String consultationRoute;
    private String summaryRoute;
    private String startRoute;

    @BeforeEach
    void a_patient_and_a_doctor_to_open() {
        PatientRecord patient = SystemAuthentication.runAs(Role.RECEPTIONIST,
                () -> patients.register(TestPatients.details(), false));
        recordRoute = "patients/" + patient.id();
        var doctor = new TestClinic(accounts, doctors, patients)
                .doctor(java.time.LocalTime.of(9, 0), java.time.LocalTime.of(12, 0), 15, 10);
        hoursRoute = "admin/doctors/" + doctor.id() + "/hours";
        // A real consultation (a walk-in's, started by its doctor): nobody but that doctor opens it.
        var entry = SystemAuthentication.runAs(Role.RECEPTIONIST, () -> queue.walkIn(patient.id(), doctor.id(),
                doctor.specialty().id(), org.clinic.queue.Lane.REGULAR, null, null)).entryId();
        var consultation = org.clinic.consultation.ConsultationFixtures.as(doctor.staffUsername(), Role.DOCTOR,
                () -> consultations.start(entry)).id();
        consultationRoute = "consultations/" + consultation;
        summaryRoute = consultationRoute + "/summary";
        startRoute = "consultations/start/" + java.util.UUID.randomUUID();
    }

    @Test
    @WithMockUser(roles = "ADMIN")
    void administrators() {
        assertRoutes(Map.ofEntries(
                Map.entry("", DashboardView.class),
                Map.entry("patients", PatientRegistryView.class),
                Map.entry("patients/new", RegisterPatientView.class),
                Map.entry(recordRoute, PatientRecordView.class),
                Map.entry("admin/staff", StaffAccountsView.class),
                Map.entry("device", NotFoundView.class),
                Map.entry("appointments", DayAppointmentsView.class),
                Map.entry("appointments/book", BookAppointmentView.class),
                Map.entry("admin/doctors", DoctorsView.class),
                Map.entry("admin/specialties", SpecialtiesView.class),
                Map.entry("admin/holidays", ClinicHolidaysView.class),
                Map.entry("admin/outbox", OutboxView.class),
                Map.entry("admin/access-log", PatientAccessLogView.class),
                Map.entry("admin/security", SignInSecurityView.class),
                Map.entry("admin/settings", org.clinic.settings.ui.ClinicSettingsView.class),
                Map.entry(hoursRoute, DoctorHoursView.class),
                Map.entry("my-hours", NotFoundView.class),
                Map.entry("queue", ReceptionQueueView.class),
                Map.entry("my-queue", DoctorQueueView.class),
                Map.entry("display", WaitingRoomDisplayView.class),
                Map.entry("appointments/day", DoctorDayView.class),
                Map.entry("exports", ExportsView.class),
                Map.entry(consultationRoute, NotFoundView.class),
                Map.entry(summaryRoute, NotFoundView.class),
                Map.entry("reports", ReportsView.class),
                Map.entry("dashboard", DashboardView.class),
                Map.entry(startRoute, NotFoundView.class)));
    }

    @Test
    @WithMockUser(roles = "RECEPTIONIST")
    void receptionists() {
        assertRoutes(Map.ofEntries(
                Map.entry("", ReceptionQueueView.class),
                Map.entry("patients", PatientRegistryView.class),
                Map.entry("patients/new", RegisterPatientView.class),
                Map.entry(recordRoute, PatientRecordView.class),
                Map.entry("admin/staff", NotFoundView.class),
                Map.entry("device", NotFoundView.class),
                Map.entry("appointments", DayAppointmentsView.class),
                Map.entry("appointments/book", BookAppointmentView.class),
                Map.entry("admin/doctors", NotFoundView.class),
                Map.entry("admin/specialties", NotFoundView.class),
                Map.entry("admin/holidays", NotFoundView.class),
                Map.entry("admin/outbox", NotFoundView.class),
                Map.entry("admin/access-log", NotFoundView.class),
                Map.entry("admin/security", NotFoundView.class),
                Map.entry("admin/settings", NotFoundView.class),
                Map.entry(hoursRoute, NotFoundView.class),
                Map.entry("my-hours", NotFoundView.class),
                Map.entry("queue", ReceptionQueueView.class),
                Map.entry("my-queue", DoctorQueueView.class),
                Map.entry("display", WaitingRoomDisplayView.class),
                Map.entry("appointments/day", DoctorDayView.class),
                Map.entry("exports", NotFoundView.class),
                Map.entry(consultationRoute, NotFoundView.class),
                Map.entry(summaryRoute, NotFoundView.class),
                Map.entry("reports", NotFoundView.class),
                Map.entry("dashboard", NotFoundView.class),
                Map.entry(startRoute, NotFoundView.class)));
    }

    @Test
    @WithMockUser(roles = "DOCTOR")
    void doctors() {
        assertRoutes(Map.ofEntries(
                Map.entry("", DoctorQueueView.class),
                Map.entry("patients", PatientRegistryView.class),
                Map.entry("patients/new", NotFoundView.class),
                Map.entry(recordRoute, PatientRecordView.class),
                Map.entry("admin/staff", NotFoundView.class),
                Map.entry("device", NotFoundView.class),
                Map.entry("appointments", DayAppointmentsView.class),
                Map.entry("appointments/book", NotFoundView.class),
                Map.entry("admin/doctors", NotFoundView.class),
                Map.entry("admin/specialties", NotFoundView.class),
                Map.entry("admin/holidays", NotFoundView.class),
                Map.entry("admin/outbox", NotFoundView.class),
                Map.entry("admin/access-log", NotFoundView.class),
                Map.entry("admin/security", NotFoundView.class),
                Map.entry("admin/settings", NotFoundView.class),
                Map.entry(hoursRoute, NotFoundView.class),
                Map.entry("my-hours", MyHoursView.class),
                Map.entry("queue", NotFoundView.class),
                Map.entry("my-queue", DoctorQueueView.class),
                Map.entry("display", WaitingRoomDisplayView.class),
                Map.entry("appointments/day", DoctorDayView.class),
                Map.entry("exports", ExportsView.class),
                Map.entry(consultationRoute, RecordNotFoundView.class),
                Map.entry(summaryRoute, RecordNotFoundView.class),
                Map.entry("reports", ReportsView.class),
                Map.entry("dashboard", NotFoundView.class),
                Map.entry(startRoute, RecordNotFoundView.class)));
    }

    @Test
    @WithMockUser(roles = "DISPLAY")
    void waiting_room_displays() {
        assertRoutes(Map.ofEntries(
                Map.entry("", DisplaySetupView.class),
                Map.entry("patients", NotFoundView.class),
                Map.entry("patients/new", NotFoundView.class),
                Map.entry(recordRoute, NotFoundView.class),
                Map.entry("admin/staff", NotFoundView.class),
                Map.entry("device", DisplaySetupView.class),
                Map.entry("appointments", NotFoundView.class),
                Map.entry("appointments/book", NotFoundView.class),
                Map.entry("admin/doctors", NotFoundView.class),
                Map.entry("admin/specialties", NotFoundView.class),
                Map.entry("admin/holidays", NotFoundView.class),
                Map.entry("admin/outbox", NotFoundView.class),
                Map.entry("admin/access-log", NotFoundView.class),
                Map.entry("admin/security", NotFoundView.class),
                Map.entry("admin/settings", NotFoundView.class),
                Map.entry(hoursRoute, NotFoundView.class),
                Map.entry("my-hours", NotFoundView.class),
                Map.entry("queue", NotFoundView.class),
                Map.entry("my-queue", NotFoundView.class),
                Map.entry("display", WaitingRoomDisplayView.class),
                Map.entry("appointments/day", NotFoundView.class),
                Map.entry("exports", NotFoundView.class),
                Map.entry(consultationRoute, NotFoundView.class),
                Map.entry(summaryRoute, NotFoundView.class),
                Map.entry("reports", NotFoundView.class),
                Map.entry("dashboard", NotFoundView.class),
                Map.entry(startRoute, NotFoundView.class)));
    }

    @Test
    @WithAnonymousUser
    void anonymous_visitors_are_sent_to_sign_in() {
        assertRoutes(Map.ofEntries(
                Map.entry("", LoginView.class),
                Map.entry("patients", LoginView.class),
                Map.entry("patients/new", LoginView.class),
                Map.entry(recordRoute, LoginView.class),
                Map.entry("admin/staff", LoginView.class),
                Map.entry("login", LoginView.class),
                Map.entry("device", LoginView.class),
                Map.entry("appointments", LoginView.class),
                Map.entry("appointments/book", LoginView.class),
                Map.entry("admin/doctors", LoginView.class),
                Map.entry("admin/specialties", LoginView.class),
                Map.entry("admin/holidays", LoginView.class),
                Map.entry("admin/outbox", LoginView.class),
                Map.entry("admin/access-log", LoginView.class),
                Map.entry("admin/security", LoginView.class),
                Map.entry("admin/settings", LoginView.class),
                Map.entry(hoursRoute, LoginView.class),
                Map.entry("my-hours", LoginView.class),
                Map.entry("queue", LoginView.class),
                Map.entry("my-queue", LoginView.class),
                Map.entry("display", LoginView.class),
                Map.entry("appointments/day", LoginView.class),
                Map.entry("exports", LoginView.class),
                Map.entry(consultationRoute, LoginView.class),
                Map.entry(summaryRoute, LoginView.class),
                Map.entry("reports", LoginView.class),
                Map.entry("dashboard", LoginView.class),
                Map.entry(startRoute, LoginView.class)));
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
