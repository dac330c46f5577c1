package org.clinic.consultation.ui;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.NumberField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import org.clinic.TestClock;
import org.clinic.appointment.AppointmentQueries;
import org.clinic.appointment.AppointmentService;
import org.clinic.appointment.AppointmentStatus;
import org.clinic.base.ui.RecordNotFoundView;
import org.clinic.consultation.Consultation;
import org.clinic.consultation.ConsultationFixtures;
import org.clinic.consultation.ConsultationRecords;
import org.clinic.consultation.ConsultationService;
import org.clinic.consultation.ConsultationStatus;
import org.clinic.doctor.DoctorService;
import org.clinic.doctor.DoctorSummary;
import org.clinic.patient.PatientService;
import org.clinic.queue.QueueBoards;
import org.clinic.queue.QueueService;
import org.clinic.queue.QueueStatus;
import org.clinic.queue.ui.DoctorQueueView;
import org.clinic.security.Role;
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

import java.time.LocalTime;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.clinic.consultation.ConsultationFixtures.as;
import static org.clinic.consultation.ConsultationFixtures.sample;

@SpringBootTest
@WithMockUser(username = "grace", roles = "RECEPTIONIST")
class ConsultationViewsTest extends SpringBrowserlessTest {

    @Autowired
    ConsultationService consultations;
    @Autowired
    ConsultationRecords records;
    @Autowired
    QueueService queue;
    @Autowired
    QueueBoards boards;
    @Autowired
    AppointmentService appointments;
    @Autowired
    AppointmentQueries appointmentQueries;
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

    @BeforeEach
    void morning() {
        fixtures = new ConsultationFixtures(accounts, doctors, patients, appointments, queue, clock);
        clock.setTimeOfDay(LocalTime.of(9, 0));
        doctor = fixtures.doctor();
    }

    @AfterEach
    void realTime() {
        clock.reset();
    }

    @Test
    void start_from_the_queue_opens_the_consultation_and_the_visit_is_in_consultation() {
        var arrival = fixtures.checkedIn(doctor, LocalTime.of(9, 30));
        signInAs(doctor.staffUsername(), Role.DOCTOR);
        navigate(DoctorQueueView.class);
        test($(Button.class).id("call-next")).click();

        test($(Button.class).id("start-consultation")).click();

        assertThat(getCurrentView()).isInstanceOf(ConsultationView.class);
        assertThat(boards.get(arrival.entryId()).status()).isEqualTo(QueueStatus.IN_CONSULTATION);
        assertThat(appointmentQueries.get(arrival.appointmentId()).status()).isEqualTo(AppointmentStatus.IN_CONSULTATION);
        // back in the queue, the card opens the same consultation
        navigate(DoctorQueueView.class);
        test($(Button.class).id("open-consultation")).click();
        assertThat(getCurrentView()).isInstanceOf(ConsultationView.class);
        assertThat(consultations.forQueueEntry(arrival.entryId())).isPresent();
    }

    @Test
    void implausible_vitals_are_refused_at_the_field_with_the_range_and_borderline_ones_are_flagged() {
        Consultation c = openStarted();
        NumberField systolic = $(NumberField.class).id("vital-systolic");
        assertThat(systolic.getHelperText()).isEqualTo("usual 90–139 mmHg"); // the patient is an adult

        test(systolic).setValue(400.0);

        assertThat(systolic.isInvalid()).isTrue();
        assertThat(systolic.getErrorMessage()).isEqualTo("Systolic 400 is not plausible; enter 50–260 mmHg");
        assertThat($(Span.class).id("save-status").getText()).contains("not saved: Systolic");
        assertThat(records.get(c.id()).content().vitals().systolic()).isNull();

        test(systolic).setValue(150.0);

        assertThat(systolic.isInvalid()).isFalse();
        assertThat(systolic.getHelperText()).isEqualTo("⚠ High (usual for an adult 90–139 mmHg)");
        assertThat(systolic.getElement().getAttribute("data-flag")).isEqualTo("high");
        assertThat(records.get(c.id()).content().vitals().systolic()).isEqualTo(150);

        NumberField diastolic = $(NumberField.class).id("vital-diastolic");
        test(diastolic).setValue(160.0);
        assertThat(diastolic.isInvalid()).isTrue();
        assertThat(diastolic.getErrorMessage()).contains("must be below systolic 150");

        test($(NumberField.class).id("vital-weight")).setValue(80.0);
        test($(NumberField.class).id("vital-height")).setValue(180.0);
        assertThat($(Span.class).id("bmi").getElement().getTextRecursively()).contains("BMI 24.7");
    }

    @Test
    void the_draft_is_saved_as_the_doctor_types() {
        Consultation c = openStarted();

        test($(TextField.class).id("chief-complaint")).setValue("Sore throat for three days");
        test($(TextArea.class).id("examination")).setValue("Tonsils enlarged, no exudate");
        test($(TextField.class).id("rx-0-medicine")).setValue("Paracetamol"); // half a line is fine in a draft

        Consultation saved = records.get(c.id());
        assertThat(saved.content().chiefComplaint()).isEqualTo("Sore throat for three days");
        assertThat(saved.content().examination()).isEqualTo("Tonsils enlarged, no exudate");
        assertThat(saved.content().prescription()).singleElement()
                .satisfies(l -> assertThat(l.medicine()).isEqualTo("Paracetamol"));
        assertThat($(Span.class).id("save-status").getText()).matches("Saved \\d\\d:\\d\\d");
    }

    @Test
    void a_second_tab_is_told_it_is_behind_and_saves_nothing() {
        Consultation c = openStarted();
        // another tab saved meanwhile
        consultations.saveDraft(c.id(), c.version(), sample());

        test($(TextField.class).id("chief-complaint")).setValue("Typed in the old tab");

        Div banner = $(Div.class).id("consultation-banner");
        assertThat(banner.isVisible()).isTrue();
        assertThat($(Span.class).id("stale-message").getText())
                .matches("This consultation was changed in another tab or window at \\d\\d:\\d\\d; reload to continue");
        assertThat(records.get(c.id()).content().chiefComplaint()).isEqualTo("Cough for five days");

        test($(Button.class).id("reload-consultation")).click();
        assertThat($(TextField.class).id("chief-complaint").getValue()).isEqualTo("Cough for five days");
        assertThat(banner.isVisible()).isFalse();
    }

    @Test
    void complete_locks_the_screen_and_corrections_become_addenda() {
        var arrival = fixtures.checkedIn(doctor, LocalTime.of(9, 30));
        Consultation c = as(doctor.staffUsername(), Role.DOCTOR, () -> consultations.start(arrival.entryId()));
        signInAs(doctor.staffUsername(), Role.DOCTOR);
        UI.getCurrent().navigate("consultations/" + c.id());

        test($(Button.class).id("complete")).click();
        assertThat($(TextField.class).id("diagnosis").isInvalid()).isTrue(); // a diagnosis is needed
        assertThat(records.get(c.id()).status()).isEqualTo(ConsultationStatus.DRAFT);

        test($(TextField.class).id("diagnosis")).setValue("Viral pharyngitis");
        Button complete = $(Button.class).id("complete");
        test(complete).click();

        assertThat(records.get(c.id()).status()).isEqualTo(ConsultationStatus.COMPLETED);
        assertThat(boards.get(arrival.entryId()).status()).isEqualTo(QueueStatus.DONE);
        assertThat($(TextField.class).id("diagnosis").isReadOnly()).isTrue();
        assertThat(complete.isVisible()).isFalse();
        assertThat($(Span.class).id("save-status").getText()).contains("Completed by").contains("locked");

        test($(TextArea.class).id("addendum-text")).setValue("Rapid strep test negative");
        test($(Button.class).id("add-addendum")).click();
        assertThat($(Div.class).id("addenda").getElement().getTextRecursively())
                .contains("Rapid strep test negative", doctor.displayName());
        assertThat(records.get(c.id()).content().diagnosis()).isEqualTo("Viral pharyngitis");

        // the printable summary carries the clinic's header, the patient and the diagnosis
        UI.getCurrent().navigate("consultations/" + c.id() + "/summary");
        assertThat($(Div.class).id("visit-summary").getElement().getTextRecursively())
                .contains("Riverside Clinic", "Prescription", "Visit summary", c.patientName(), org.clinic.patient.Mrn.display(c.patientMrn()),
                        "Viral pharyngitis", "Rapid strep test negative");
    }

    @Test
    void complete_and_call_next_goes_back_to_the_queue_with_the_next_patient_called() {
        Consultation c = openStarted();
        var next = fixtures.checkedIn(doctor, LocalTime.of(9, 45));
        test($(TextField.class).id("diagnosis")).setValue("Tension headache");

        test($(Button.class).id("complete-and-next")).click();

        assertThat(getCurrentView()).isInstanceOf(DoctorQueueView.class);
        assertThat(boards.get(next.entryId()).status()).isEqualTo(QueueStatus.CALLED);
        assertThat(records.get(c.id()).status()).isEqualTo(ConsultationStatus.COMPLETED);
    }

    @Test
    void the_patient_record_shows_doctors_the_timeline_and_reception_only_the_visits() {
        var arrival = fixtures.checkedIn(doctor, LocalTime.of(9, 30));
        as(doctor.staffUsername(), Role.DOCTOR, () -> {
            Consultation c = consultations.start(arrival.entryId());
            return consultations.complete(c.id(), c.version(), sample());
        });

        UI.getCurrent().navigate("patients/" + arrival.patientId()); // as reception
        String reception = $(Div.class).id("patient-consultations").getElement().getTextRecursively();
        assertThat(reception).contains("Visits").doesNotContain("pharyngitis", "Paracetamol", "128/82");
        @SuppressWarnings("unchecked")
        var visits = test((com.vaadin.flow.component.grid.Grid<org.clinic.consultation.Visit>)
                $(com.vaadin.flow.component.grid.Grid.class).id("patient-visits"));
        assertThat(visits.size()).isEqualTo(1);
        assertThat(visits.getRow(0).doctorName()).isEqualTo(doctor.displayName());
        assertThat(visits.getRow(0).status()).isEqualTo(ConsultationStatus.COMPLETED);

        signInAs(doctor.staffUsername(), Role.DOCTOR);
        UI.getCurrent().navigate("patients/" + arrival.patientId());
        String doctorView = $(Div.class).id("patient-consultations").getElement().getTextRecursively();
        assertThat(doctorView).contains("Acute pharyngitis", "Paracetamol", "Vitals over time");
    }

    @Test
    void another_doctors_draft_is_not_found() {
        Consultation c = as(doctor.staffUsername(), Role.DOCTOR,
                () -> consultations.start(fixtures.checkedIn(doctor, LocalTime.of(9, 30)).entryId()));
        DoctorSummary other = fixtures.doctor();
        signInAs(other.staffUsername(), Role.DOCTOR);
        UI.getCurrent().navigate("consultations/" + c.id());
        assertThat(getCurrentView()).isInstanceOf(RecordNotFoundView.class);
    }

    private Consultation openStarted() {
        var arrival = fixtures.checkedIn(doctor, LocalTime.of(9, 30));
        Consultation c = as(doctor.staffUsername(), Role.DOCTOR, () -> consultations.start(arrival.entryId()));
        signInAs(doctor.staffUsername(), Role.DOCTOR);
        UI.getCurrent().navigate("consultations/" + c.id());
        assertThat(getCurrentView()).isInstanceOf(ConsultationView.class);
        return c;
    }

    private static void signInAs(String username, Role role) {
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                username, null, List.of(new SimpleGrantedAuthority(role.authority()))));
    }
}
