package org.clinic.statistics.ui;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Span;
import org.clinic.TestClock;
import org.clinic.appointment.AppointmentKind;
import org.clinic.appointment.AppointmentService;
import org.clinic.appointment.AppointmentSummary;
import org.clinic.appointment.BookAppointment;
import org.clinic.appointment.TestClinic;
import org.clinic.doctor.DoctorService;
import org.clinic.doctor.DoctorSummary;
import org.clinic.patient.PatientService;
import org.clinic.queue.QueueService;
import org.clinic.security.Role;
import org.clinic.security.StaffAccountService;
import org.clinic.security.SystemAuthentication;
import org.clinic.statistics.DashboardService;
import org.clinic.statistics.DoctorToday;
import org.clinic.statistics.Today;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.test.context.support.WithMockUser;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.clinic.base.ui.LiveScreens.awaitLiveUpdate;

@SpringBootTest
@WithMockUser(username = "admin", roles = "ADMIN")
class DashboardViewTest extends SpringBrowserlessTest {

    @Autowired
    DashboardService dashboard;
    @Autowired
    StaffAccountService accounts;
    @Autowired
    DoctorService doctors;
    @Autowired
    PatientService patients;
    @Autowired
    AppointmentService appointments;
    @Autowired
    QueueService queue;
    @Autowired
    TestClock clock;

    private DoctorSummary doctor;
    private AppointmentSummary booked;

    @BeforeEach
    void a_booked_patient_this_morning() {
        clock.setTimeOfDay(LocalTime.of(9, 0));
        TestClinic clinic = new TestClinic(accounts, doctors, patients);
        doctor = clinic.doctor(LocalTime.of(8, 0), LocalTime.of(18, 0), 15, 40);
        UUID patient = clinic.patients(1).getFirst();
        booked = SystemAuthentication.runAs(Role.RECEPTIONIST, () -> appointments.book(new BookAppointment(
                UUID.randomUUID(), patient, doctor.id(), LocalDate.now(clock), LocalTime.of(9, 30), AppointmentKind.NEW,
                "Cough")));
    }

    @AfterEach
    void real_time() {
        clock.reset();
    }

    @Test
    @SuppressWarnings("unchecked")
    void an_administrator_sees_todays_figures_per_doctor_and_thirty_days_of_charts() {
        navigate(DashboardView.class);

        Today today = dashboard.today();
        assertThat(figure("booked")).isEqualTo(Integer.toString(today.total().booked()));
        assertThat(figure("checked-in")).isEqualTo(Integer.toString(today.total().checkedIn()));
        assertThat(figure("waiting-now")).isEqualTo(Integer.toString(today.total().waiting()));
        Grid<DoctorToday> grid = $(Grid.class).id("dashboard-doctors");
        assertThat(grid.getListDataView().getItems()).filteredOn(row -> row.name().equals(doctor.displayName()))
                .singleElement().satisfies(row -> assertThat(row.booked()).isEqualTo(1));

        List<Image> charts = $(Image.class, $(Div.class).id("dashboard-charts")).all();
        assertThat(charts).hasSize(4).allSatisfy(chart -> {
            String src = chart.getSrc();
            assertThat(src).startsWith("data:image/svg+xml;base64,");
            String svg = new String(Base64.getDecoder().decode(src.substring(src.indexOf(',') + 1)),
                    StandardCharsets.UTF_8);
            assertThat(svg).startsWith("<svg").contains("viewBox").doesNotContain("rgb(192,192,192)");
            assertThat(chart.getAlt()).isPresent();
        });
    }

    @Test
    void a_check_in_at_reception_shows_on_the_open_dashboard_at_once() throws InterruptedException {
        navigate(DashboardView.class);
        int before = Integer.parseInt(figure("checked-in"));

        SystemAuthentication.runAs(Role.RECEPTIONIST, () -> queue.checkIn(booked.id()));

        awaitLiveUpdate(() -> figure("checked-in").equals(Integer.toString(before + 1)));
    }

    private String figure(String id) {
        return $(Span.class, $(Div.class).id("figure-" + id)).first().getText();
    }
}
