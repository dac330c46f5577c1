package org.clinic.report.ui;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.QueryParameters;
import org.clinic.doctor.DoctorService;
import org.clinic.doctor.NewDoctor;
import org.clinic.report.MonthlyReport;
import org.clinic.report.ReportText;
import org.clinic.security.CreateStaffAccount;
import org.clinic.security.Role;
import org.clinic.security.StaffAccountService;
import org.clinic.security.SystemAuthentication;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.test.context.support.WithMockUser;

import java.time.YearMonth;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest
class ReportsViewTest extends SpringBrowserlessTest {

    static final String USERNAME = "dr.monthly.view";
    static final String NAME = "Dr Monthly View";

    @Autowired
    DoctorService doctors;
    @Autowired
    StaffAccountService accounts;

    @BeforeEach
    void a_doctor_with_a_record() {
        SystemAuthentication.runAs(Role.ADMIN, () -> {
            if (doctors.allDoctors().stream().noneMatch(d -> d.staffUsername().equals(USERNAME))) {
                if (accounts.list().stream().noneMatch(a -> a.username().equals(USERNAME))) {
                    accounts.create(new CreateStaffAccount(USERNAME, NAME, "doctor-password", Role.DOCTOR));
                }
                var specialty = doctors.specialties().stream().findFirst()
                        .orElseGet(() -> doctors.addSpecialty("General practice"));
                doctors.addDoctor(new NewDoctor(USERNAME, NAME, specialty.id(), "monthly.view@clinic.example.org",
                        "GMC-MONTHLY-VIEW-1", "M", 15, 12));
            }
        });
    }

    @Test
    @WithMockUser(username = USERNAME, roles = "DOCTOR")
    void a_doctor_sees_their_own_report_with_downloads_and_no_doctor_picker() {
        navigate(ReportsView.class);

        assertThat($(H2.class).id("report-title").getText()).isEqualTo(NAME);
        assertThat($(Select.class).all()).as("visible selects").noneMatch(s -> "report-subject".equals(s.getId()
                .orElse("")));
        assertThat($(Anchor.class).id("report-pdf").getHref()).isNotBlank();
        assertThat($(Anchor.class).id("report-csv").getHref()).isNotBlank();
        assertThat($(com.vaadin.flow.component.html.Div.class).id("figure-booked").getElement().getTextRecursively())
                .contains("Appointments booked");
    }

    @Test
    @WithMockUser(username = "admin.reports", roles = "ADMIN")
    void an_administrator_starts_with_the_whole_clinic_and_switches_to_a_doctor() {
        navigate(ReportsView.class);
        assertThat($(H2.class).id("report-title").getText()).isEqualTo(MonthlyReport.WHOLE_CLINIC);

        Select<ReportsView.Choice> subject = subject();
        subject.setValue(subject.getListDataView().getItems().filter(c -> c.label().equals(NAME)).findFirst()
                .orElseThrow());

        assertThat($(H2.class).id("report-title").getText()).isEqualTo(NAME);
        assertThat($(com.vaadin.flow.component.grid.Grid.class).id("generated-reports").isVisible()).isTrue();
    }

    @Test
    @WithMockUser(username = USERNAME, roles = "DOCTOR")
    void a_month_in_the_future_shows_why_there_is_no_report() {
        YearMonth next = YearMonth.now().plusMonths(1);
        UI.getCurrent().navigate("reports", QueryParameters.simple(Map.of("month", next.toString())));

        assertThat($(Paragraph.class).id("report-message").getText()).contains(ReportText.month(next),
                "has not happened yet");
        assertThat($(H2.class).all()).noneMatch(h -> "report-title".equals(h.getId().orElse("")));
        assertThat($(Anchor.class).id("report-pdf").isEnabled()).isFalse();
    }

    @SuppressWarnings("unchecked")
    private Select<ReportsView.Choice> subject() {
        return $(Select.class).id("report-subject");
    }
}
