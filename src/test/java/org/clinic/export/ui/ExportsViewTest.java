package org.clinic.export.ui;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.progressbar.ProgressBar;
import org.clinic.base.ui.LiveScreens;
import org.clinic.consultation.ConsultationService;
import org.clinic.doctor.DoctorService;
import org.clinic.doctor.NewDoctor;
import org.clinic.export.ExportFixtures;
import org.clinic.export.ExportProgressed;
import org.clinic.export.ExportService;
import org.clinic.export.ExportState;
import org.clinic.export.ExportSummary;
import org.clinic.patient.PatientService;
import org.clinic.security.CreateStaffAccount;
import org.clinic.security.Role;
import org.clinic.security.StaffAccountService;
import org.clinic.security.SystemAuthentication;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.test.context.support.WithMockUser;

import java.time.Duration;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest
@WithMockUser(username = ExportsViewTest.USERNAME, roles = "DOCTOR")
class ExportsViewTest extends SpringBrowserlessTest {

    static final String USERNAME = "dr.exports.view";

    @Autowired
    ExportService exports;
    @Autowired
    DoctorService doctors;
    @Autowired
    StaffAccountService accounts;
    @Autowired
    PatientService patients;
    @Autowired
    ConsultationService consultations;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ApplicationEventPublisher events;

    private ExportFixtures fixtures;

    @BeforeEach
    void the_signed_in_doctor_has_a_record() {
        fixtures = new ExportFixtures(accounts, doctors, patients, consultations);
        SystemAuthentication.runAs(Role.ADMIN, () -> {
            if (doctors.allDoctors().stream().noneMatch(d -> d.staffUsername().equals(USERNAME))) {
                accounts.create(new CreateStaffAccount(USERNAME, "Dr Export View", "doctor-password", Role.DOCTOR));
                var specialty = doctors.specialties().stream().findFirst()
                        .orElseGet(() -> doctors.addSpecialty("General practice"));
                doctors.addDoctor(new NewDoctor(USERNAME, "Dr Export View", specialty.id(),
                        "export.view@clinic.example.org", "GMC-EXPORT-VIEW-1", "E", 15, 20));
            }
        });
    }

    @Test
    void a_running_export_shows_its_progress_live_and_can_be_cancelled() throws Exception {
        UUID running = runningExport(120, 500);
        navigate(ExportsView.class);

        Div row = row(running);
        assertThat(row.getElement().getTextRecursively()).contains("Running", "120 of 500 visits");
        assertThat($(ProgressBar.class, row).single().getValue()).isEqualTo(0.24);
        assertThat($(Anchor.class, row).all()).as("no file yet").isEmpty();

        jdbc.sql("UPDATE history_export SET rows_done = 300 WHERE public_id = :id").param("id", running.toString())
                .update();
        events.publishEvent(new ExportProgressed(running, USERNAME));
        LiveScreens.awaitLiveUpdate(() -> row(running).getElement().getTextRecursively().contains("300 of 500"));
        assertThat($(ProgressBar.class, row(running)).single().getValue()).isEqualTo(0.6);

        test($(Button.class, row(running)).withText("Cancel").single()).click();

        assertThat(exports.get(running).state()).isEqualTo(ExportState.CANCELLED);
        assertThat(row(running).getElement().getTextRecursively()).contains("Cancelled", "no file kept");
        assertThat($(Button.class, row(running)).withText("Cancel").all()).isEmpty();
    }

    @Test
    void a_finished_export_offers_its_file_for_download() throws Exception {
        UUID patient = fixtures.patient();
        var doctor = doctors.doctors().stream().filter(d -> d.staffUsername().equals(USERNAME)).findFirst()
                .orElseThrow();
        fixtures.pastVisits(patient, doctor, 3);
        ExportSummary done = ready(exports.exportPatient(patient).id());
        navigate(ExportsView.class);

        Div row = row(done.id());
        assertThat(row.getElement().getTextRecursively()).contains("Ready", "3 visits", done.fileName(),
                "kept until");
        Anchor download = $(Anchor.class, row).withText("Download CSV").single();
        assertThat(download.getHref()).isNotBlank();
        assertThat(download.getElement().hasAttribute("download")).isTrue();
        assertThat($(Button.class, row).withText("Cancel").all()).isEmpty();
    }

    @Test
    void the_patient_record_offers_doctors_an_export_of_the_history() throws Exception {
        UUID patient = fixtures.patient();
        var doctor = doctors.doctors().stream().filter(d -> d.staffUsername().equals(USERNAME)).findFirst()
                .orElseThrow();
        fixtures.pastVisits(patient, doctor, 1); // the doctor looks after the patient: no reason asked
        UI.getCurrent().navigate("patients/" + patient);

        test($(Button.class).id("export-history")).click();

        assertThat($(Div.class).id("patient-export").getElement().getTextRecursively()).contains("Exports");
        assertThat(exports.exports()).anySatisfy(e -> assertThat(e.subject()).contains(
                SystemAuthentication.runAs(Role.RECEPTIONIST, () -> patients.get(patient)).displayMrn()));
    }

    @Test
    @WithMockUser(username = "front.desk.exports", roles = "RECEPTIONIST")
    void receptionists_see_no_export_on_the_patient_record() {
        UUID patient = fixtures.patient();
        UI.getCurrent().navigate("patients/" + patient);

        assertThat($(Button.class).withId("export-history").all()).isEmpty();
        assertThat($(Button.class).withTextContaining("Export").all()).isEmpty();
    }

    @Test
    @WithMockUser(username = "admin.exports.view", roles = "ADMIN")
    void administrators_get_the_bulk_form_and_see_everyones_exports() {
        UUID running = runningExport(10, 40);
        navigate(ExportsView.class);

        assertThat($(Div.class).id("export-doctor-form").isVisible()).isTrue();
        assertThat($(Button.class).id("export-doctor-start").getText()).isEqualTo("Export visits (CSV)");
        assertThat(row(running).getElement().getTextRecursively()).contains("by Dr Export View", "10 of 40");
    }

    // ------------------------------------------------------------------------------------------------ helpers

    /** A running export of the signed-in doctor, as another node would have it in the database. */
    private UUID runningExport(int done, int total) {
        UUID patient = fixtures.patient();
        UUID id = UUID.randomUUID();
        jdbc.sql("INSERT INTO history_export (public_id, requested_by, requester_name, kind, patient_id, subject, state,"
                        + " rows_done, rows_total, file_name, created_at, updated_at) SELECT :id, :by, 'Dr Export View',"
                        + " 'PATIENT', p.id, CONCAT(p.given_name, ' ', p.family_name), 'RUNNING', :done, :total,"
                        + " 'history.csv', NOW(6), NOW(6) FROM patient p WHERE p.public_id = :p")
                .param("id", id.toString()).param("by", USERNAME).param("done", done).param("total", total)
                .param("p", patient.toString()).update();
        return id;
    }

    private Div row(UUID exportId) {
        return $(Div.class).withAttribute("data-export", exportId.toString()).single();
    }

    private ExportSummary ready(UUID exportId) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        ExportSummary export = exports.get(exportId);
        while (export.running() && System.nanoTime() < deadline) {
            Thread.sleep(20);
            export = exports.get(exportId);
        }
        assertThat(export.state()).isEqualTo(ExportState.READY);
        return export;
    }
}
