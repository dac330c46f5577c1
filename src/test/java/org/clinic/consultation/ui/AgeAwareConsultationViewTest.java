package org.clinic.consultation.ui;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.grid.GridTester;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.NumberField;
import org.clinic.TestClock;
import org.clinic.appointment.AppointmentService;
import org.clinic.consultation.Consultation;
import org.clinic.consultation.ConsultationContent;
import org.clinic.consultation.ConsultationFixtures;
import org.clinic.consultation.ConsultationService;
import org.clinic.consultation.PastVisit;
import org.clinic.consultation.Vitals;
import org.clinic.doctor.DoctorService;
import org.clinic.doctor.DoctorSummary;
import org.clinic.patient.PatientService;
import org.clinic.patient.Sex;
import org.clinic.queue.QueueService;
import org.clinic.security.Role;
import org.clinic.security.StaffAccountService;
import org.clinic.security.SystemAuthentication;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.test.context.support.WithMockUser;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.clinic.consultation.ConsultationFixtures.as;

/** The consultation screen and the record for a child: age in the header, the child's ranges, BMI without category. */
@SpringBootTest
@WithMockUser(username = "grace", roles = "RECEPTIONIST")
class AgeAwareConsultationViewTest extends SpringBrowserlessTest {

    @Autowired
    ConsultationService consultations;
    @Autowired
    QueueService queue;
    @Autowired
    AppointmentService appointments;
    @Autowired
    StaffAccountService accounts;
    @Autowired
    DoctorService doctors;
    @Autowired
    PatientService patients;
    @Autowired
    TestClock clock;

    private ConsultationFixtures fixtures;
    private DoctorSummary doctor;
    private LocalDate today;

    @BeforeEach
    void morning() {
        fixtures = new ConsultationFixtures(accounts, doctors, patients, appointments, queue, clock);
        clock.setTimeOfDay(LocalTime.of(9, 0));
        doctor = fixtures.doctor();
        today = LocalDate.now(clock);
    }

    @AfterEach
    void realTime() {
        clock.reset();
    }

    @Test
    void the_header_shows_a_20_month_old_in_months_with_sex_and_the_latest_weight() {
        UUID child = fixtures.patientBornOn(today.minusMonths(20).minusDays(4), Sex.MALE);
        pastVisit(child, today.minusMonths(2), new Vitals(null, null, 120, 36.8, null, 28, 11.2, 82.0));

        open(child);

        assertThat($(Span.class).id("consultation-age").getText()).isEqualTo("20 months");
        assertThat($(Span.class).id("consultation-sex").getText()).isEqualTo("Male");
        assertThat($(Span.class).id("consultation-weight").getText())
                .startsWith("Weight 11.2 kg on ");
        test($(NumberField.class).id("vital-weight")).setValue(11.8);
        assertThat($(Span.class).id("consultation-weight").getText()).isEqualTo("Weight 11.8 kg at this visit");
    }

    @Test
    void a_toddlers_vitals_are_judged_by_a_toddlers_ranges_and_the_bmi_gets_no_adult_category() {
        UUID child = fixtures.patientBornOn(today.minusYears(2).minusMonths(1), Sex.FEMALE);
        open(child);

        NumberField pulse = $(NumberField.class).id("vital-pulse");
        test(pulse).setValue(130.0); // high for an adult, usual for a toddler
        assertThat(pulse.getElement().getAttribute("data-flag")).isEmpty();
        test(pulse).setValue(150.0);
        assertThat(pulse.getHelperText()).isEqualTo("⚠ High (usual for a toddler 80–140 /min)");
        assertThat(pulse.getElement().getAttribute("data-flag")).isEqualTo("high");

        test($(NumberField.class).id("vital-weight")).setValue(12.0);
        test($(NumberField.class).id("vital-height")).setValue(86.6); // BMI 16.0
        String bmi = $(Span.class).id("bmi").getElement().getTextRecursively();
        assertThat(bmi).contains("BMI 16.0", "no category under 18").doesNotContain("Underweight");
    }

    @Test
    void an_adults_bmi_of_16_is_still_flagged_underweight() {
        UUID adult = fixtures.patientBornOn(today.minusYears(30), Sex.FEMALE);
        open(adult);

        test($(NumberField.class).id("vital-weight")).setValue(49.0);
        test($(NumberField.class).id("vital-height")).setValue(175.0); // BMI 16.0
        assertThat($(Span.class).id("bmi").getElement().getTextRecursively())
                .contains("BMI 16.0", "Underweight (usual 18.5–24.9)");
    }

    @Test
    void the_record_marks_flagged_vitals_by_the_age_at_each_visit_and_draws_the_chart_for_three_visits() {
        UUID child = fixtures.patientBornOn(today.minusYears(3).minusMonths(2), Sex.FEMALE);
        pastVisit(child, today.minusYears(2), new Vitals(90, 55, 130, 37.0, 98, 30, 9.8, 76.0)); // toddler: usual
        pastVisit(child, today.minusYears(1), new Vitals(100, 60, 150, 38.6, 97, 34, 12.1, 88.0)); // pulse, fever
        pastVisit(child, today.minusMonths(1), new Vitals(98, 58, 110, 36.9, 99, 24, 14.0, 96.0));

        signInAs(doctor.staffUsername(), Role.DOCTOR);
        UI.getCurrent().navigate("patients/" + child);

        @SuppressWarnings("unchecked")
        var grid = test((Grid<Consultation>) $(Grid.class).id("vitals-over-time"));
        assertThat(grid.size()).isEqualTo(3);
        // newest first: 1 month ago (a preschool child), 1 year ago and 2 years ago (a toddler)
        assertThat(grid.getCellText(1, 1)).isEqualTo("2 years 2 months");
        assertThat(cell(grid, 1, 3).getText()).isEqualTo("150 ⚠");
        assertThat(cell(grid, 1, 3).getTitle()).hasValue("High (usual for a toddler 80–140 /min)");
        assertThat(cell(grid, 1, 5).getText()).isEqualTo("38.6 ⚠");
        assertThat(cell(grid, 2, 3).getText()).isEqualTo("130"); // a toddler's usual pulse, an adult's high one
        assertThat(cell(grid, 2, 4).getText()).isEqualTo("30");
        assertThat(cell(grid, 0, 8).getText()).isEqualTo("15.2"); // a child's BMI: no category, nothing flagged
        Image chart = $(Image.class).id("vitals-chart");
        assertThat(chart.getAlt()).hasValueSatisfying(alt -> assertThat(alt)
                .startsWith("Blood pressure and weight over 3 visits.").contains("blood pressure 100/60 mmHg",
                        "weight 12.1 kg"));
        String src = chart.getSrc();
        assertThat(src).startsWith("data:image/svg+xml;base64,");
        String svg = new String(Base64.getDecoder().decode(src.substring(src.indexOf(',') + 1)),
                StandardCharsets.UTF_8);
        assertThat(svg).startsWith("<svg").contains(">Systolic<", ">Weight<", ">12.1<", ">100<",
                ">" + ConsultationText.DATE.format(today.minusMonths(1)).substring(4) + "<");
    }

    private static Span cell(GridTester<Grid<Consultation>, Consultation> grid, int row, int column) {
        return (Span) grid.getCellComponent(row, column);
    }

    private void pastVisit(UUID patient, LocalDate on, Vitals vitals) {
        ConsultationContent content = new ConsultationContent(vitals, "Check-up", null, null, "Well child", null,
                List.of(), null, null, null);
        SystemAuthentication.runAs(Role.ADMIN, () -> consultations.recordPastVisit(
                new PastVisit(patient, doctor.id(), on.atTime(10, 0), content)));
    }

    private void open(UUID patient) {
        var arrival = fixtures.checkedIn(doctor, LocalTime.of(9, 30), patient);
        Consultation c = as(doctor.staffUsername(), Role.DOCTOR, () -> consultations.start(arrival.entryId()));
        signInAs(doctor.staffUsername(), Role.DOCTOR);
        UI.getCurrent().navigate("consultations/" + c.id());
        assertThat(getCurrentView()).isInstanceOf(ConsultationView.class);
    }

    private static void signInAs(String username, Role role) {
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                username, null, List.of(new SimpleGrantedAuthority(role.authority()))));
    }
}
