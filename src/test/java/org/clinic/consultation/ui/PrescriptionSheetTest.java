package org.clinic.consultation.ui;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Image;
import org.clinic.TestClock;
import org.clinic.appointment.AppointmentService;
import org.clinic.base.TestLogos;
import org.clinic.consultation.Consultation;
import org.clinic.consultation.ConsultationFixtures;
import org.clinic.consultation.ConsultationService;
import org.clinic.consultation.PrescriptionFixtures;
import org.clinic.doctor.DoctorService;
import org.clinic.doctor.DoctorSummary;
import org.clinic.patient.Mrn;
import org.clinic.patient.PatientService;
import org.clinic.queue.QueueService;
import org.clinic.security.Role;
import org.clinic.security.SystemAuthentication;
import org.clinic.settings.ClinicSettingsService;
import org.clinic.security.StaffAccountService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.test.context.support.WithMockUser;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The printed prescription as a pharmacist reads it, for a child and an adult, a draft's mark, and the clinic's logo
 * beside its name.
 */
@SpringBootTest
@WithMockUser(username = "grace", roles = "RECEPTIONIST")
class PrescriptionSheetTest extends SpringBrowserlessTest {

    private static final DateTimeFormatter PAPER = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.UK);

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
    @Autowired
    ClinicSettingsService settings;
    @Autowired
    org.springframework.context.ApplicationEventPublisher events;
    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    private DoctorSummary doctor;
    private PrescriptionFixtures prescriptions;
    private LocalDate today;

    @BeforeEach
    void morning() {
        clock.setTimeOfDay(LocalTime.of(9, 0));
        today = LocalDate.now(clock);
        doctor = new ConsultationFixtures(accounts, doctors, patients, appointments, queue, clock).doctor();
        prescriptions = new PrescriptionFixtures(consultations, patients, queue);
    }

    @AfterEach
    void realTime() {
        clock.reset();
    }

    @Test
    void a_childs_prescription_shows_age_in_months_weight_of_this_visit_and_every_part_of_each_medicine() {
        Consultation c = prescriptions.child(doctor, today);
        String sheet = open(c);

        assertThat(part("summary-clinic")).isEqualTo("Riverside Clinic");
        assertThat(part("summary-clinic-address")).contains("12 River Street", "London SE1 7PB", "Tel. 020 7946 0000");
        assertThat(part("summary-date")).isEqualTo("Date: " + PAPER.format(today));
        assertThat(part("summary-patient")).contains(c.patientName(),
                "Date of birth" + PAPER.format(today.minusMonths(18)) + " · age 18 months", "SexMale",
                "Weight11.2 kg (this visit)", "MRN" + Mrn.display(c.patientMrn()));
        assertThat(part("summary-prescriber")).contains(doctor.displayName(), "General practice",
                "Registration no." + doctor.registrationNumber());
        assertThat(part("summary-prescription")).contains("Amoxicillin oral suspension", "250 mg/5 mL", "5 mL",
                "three times a day", "5 days", "100 mL", "Shake the bottle well; finish the course",
                "Paracetamol oral suspension", "120 mg/5 mL", "every 6 hours when needed (max 4 doses in 24 hours)",
                "3 days").doesNotContain("Allergy override");
        assertThat(part("summary-allergies")).isEqualTo("AllergiesNot recorded: ask the patient before dispensing");
        assertThat(part("summary-signature")).contains("Signature", "Name" + doctor.displayName(),
                "Registration no." + doctor.registrationNumber(), "Date" + PAPER.format(today), "Completed");
        assertThat(sheet).contains("Acute otitis media, right (H66.9)").doesNotContain("DRAFT");
    }

    @Test
    void an_adults_prescription_shows_the_latest_weight_with_its_date_and_marks_the_allergy_override() {
        Consultation c = prescriptions.adult(doctor, today);
        open(c);

        assertThat(part("summary-patient")).contains("age 58 years", "SexFemale",
                "Weight81.5 kg (on " + PAPER.format(today.minusDays(21)) + ")");
        assertThat(part("summary-prescription")).contains("Cefalexin", "500 mg", "1 capsule", "twice a day",
                "7 days", "14 capsules", "⚠ Allergy override",
                "Prescribed despite a recorded allergy. Reason: " + PrescriptionFixtures.OVERRIDE,
                "Amlodipine", "ongoing", "28 tablets");
        // the allergy list is passed in by the page that shows the sheet; each state reads plainly
        PrescriptionSheet sheet = $(PrescriptionSheet.class).single();
        sheet.allergies(List.of("Penicillins: rash (mild)"), false);
        assertThat(part("summary-allergies")).isEqualTo("AllergiesPenicillins: rash (mild)");
        assertThat(sheet.getElement().getChildren().filter(e -> "summary-allergies".equals(e.getAttribute("id")))
                .findFirst().orElseThrow().getAttribute("data-state")).isEqualTo("listed");
        sheet.allergies(List.of(), true);
        assertThat(part("summary-allergies")).isEqualTo("AllergiesNone known");
    }

    @Test
    void a_draft_is_marked_as_no_valid_prescription_and_has_no_signing_date() {
        Consultation c = prescriptions.draft(doctor, today);
        open(c);
        assertThat(part("summary-draft")).isEqualTo("DRAFT: not completed, not valid as a prescription");
        assertThat(part("summary-signature")).contains("Draft: not signed off");
        assertThat(part("summary-patient")).contains("Weightnot recorded");
    }

    @Test
    void a_prescriber_without_a_registration_number_leaves_it_visibly_missing() {
        Consultation c = prescriptions.child(doctor, today);
        jdbc.sql("UPDATE doctor SET registration_number = NULL WHERE id = :id").param("id", doctor.internalId())
                .update(); // a doctor added before V073 whose number an administrator has still to enter
        events.publishEvent(new org.clinic.doctor.DoctorsChanged()); // what the doctors' caches drop on
        open(c);
        assertThat(part("summary-prescriber")).contains("Registration no.not recorded: ask the clinic");
    }

    @Test
    void the_clinics_logo_prints_beside_its_name_once_uploaded_and_the_name_stands_alone_without_one() {
        Consultation c = prescriptions.child(doctor, today);
        open(c);
        assertThat($(Image.class).withId("summary-clinic-logo").all()).as("no logo uploaded").isEmpty();

        byte[] png = TestLogos.png(240, 80);
        SystemAuthentication.runAs(Role.ADMIN, () -> settings.uploadLogo(png));
        try {
            open(c); // the next printout carries it
            Image logo = $(Image.class).id("summary-clinic-logo");
            assertThat(logo.getSrc()).isEqualTo("data:image/png;base64," + Base64.getEncoder().encodeToString(png));
            assertThat(logo.getElement().getAttribute("width")).isEqualTo("240");
            assertThat(logo.getElement().getAttribute("height")).isEqualTo("80");
            // beside the clinic's name and address, in the sheet's header
            Component brand = logo.getParent().orElseThrow();
            assertThat(brand.getElement().getTextRecursively()).startsWith("Riverside Clinic").contains("12 River Street");
            assertThat(brand.getParent().orElseThrow().getClassNames()).contains("clinic-summary-header");
        } finally {
            SystemAuthentication.runAs(Role.ADMIN, () -> settings.removeLogo());
        }
        open(c);
        assertThat($(Image.class).withId("summary-clinic-logo").all()).as("logo removed").isEmpty();
        assertThat(part("summary-clinic")).isEqualTo("Riverside Clinic");
    }

    private String open(Consultation c) {
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                doctor.staffUsername(), null, List.of(new SimpleGrantedAuthority(Role.DOCTOR.authority()))));
        UI.getCurrent().navigate("consultations/" + c.id() + "/summary");
        assertThat(getCurrentView()).isInstanceOf(ConsultationSummaryView.class);
        return part("visit-summary");
    }

    private String part(String id) {
        return $(com.vaadin.flow.component.Component.class).id(id).getElement().getTextRecursively();
    }
}
