package org.clinic.queue.ui;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.QueryParameters;
import org.clinic.TestClock;
import org.clinic.appointment.AppointmentKind;
import org.clinic.appointment.AppointmentQueries;
import org.clinic.appointment.AppointmentService;
import org.clinic.appointment.AppointmentStatus;
import org.clinic.appointment.AppointmentSummary;
import org.clinic.appointment.BookAppointment;
import org.clinic.appointment.TestClinic;
import org.clinic.base.ClinicIdentity;
import org.clinic.base.ClinicLogo;
import org.clinic.base.TestLogos;
import org.clinic.doctor.DoctorService;
import org.clinic.doctor.DoctorSummary;
import org.clinic.doctor.SpecialtySummary;
import org.clinic.patient.PatientService;
import org.clinic.patient.PatientSummary;
import org.clinic.queue.Lane;
import org.clinic.queue.QueueEntryView;
import org.clinic.queue.QueueBoards;
import org.clinic.queue.QueueService;
import org.clinic.queue.QueueStatus;
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

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.clinic.base.ui.LiveScreens.awaitLiveUpdate;

@SpringBootTest
@WithMockUser(username = "grace", roles = "RECEPTIONIST")
class QueueViewsTest extends SpringBrowserlessTest {

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

    private TestClinic clinic;

    @BeforeEach
    void morning() {
        clinic = new TestClinic(accounts, doctors, patients);
        clock.setTimeOfDay(LocalTime.of(9, 0));
    }

    @AfterEach
    void realTime() {
        clock.reset();
    }

    @Test
    void one_click_checks_in_an_arrival_and_shows_the_ticket_and_the_queue() {
        DoctorSummary doctor = clinic.doctor(LocalTime.of(8, 0), LocalTime.of(18, 0), 15, 40);
        UUID patient = clinic.patients(1).getFirst();
        AppointmentSummary booked = appointments.book(new BookAppointment(UUID.randomUUID(), patient, doctor.id(),
                LocalDate.now(clock), LocalTime.of(9, 30), AppointmentKind.NEW, "Cough"));
        navigate(ReceptionQueueView.class);

        Button checkIn = $(Button.class, $(Div.class).id("arrivals")).all().stream()
                .filter(b -> booked.id().toString().equals(b.getElement().getAttribute("data-appointment")))
                .findFirst().orElseThrow();
        test(checkIn).click();

        String token = $(Span.class).id("ticket-token").getText();
        assertThat(token).endsWith("-001");
        assertThat($(Div.class).id("ticket").getElement().getTextRecursively()).startsWith("Riverside Clinic");
        assertThat(appointmentQueries.get(booked.id()).status()).isEqualTo(AppointmentStatus.CHECKED_IN);
        Div board = board(doctor);
        assertThat(board.getElement().getTextRecursively()).contains(token, booked.patientName());
        assertThat($(Div.class).id("arrivals").getElement().getTextRecursively()).doesNotContain(booked.patientName());
    }

    @Test
    void enter_in_the_arrivals_filter_checks_in_the_one_arrival_a_typed_mrn_leaves() {
        DoctorSummary doctor = clinic.doctor(LocalTime.of(8, 0), LocalTime.of(18, 0), 15, 40);
        List<UUID> two = clinic.patients(2);
        AppointmentSummary booked = appointments.book(new BookAppointment(UUID.randomUUID(), two.get(0), doctor.id(),
                LocalDate.now(clock), LocalTime.of(9, 30), AppointmentKind.NEW, null));
        appointments.book(new BookAppointment(UUID.randomUUID(), two.get(1), doctor.id(), LocalDate.now(clock),
                LocalTime.of(9, 45), AppointmentKind.NEW, null));
        navigate(ReceptionQueueView.class);
        TextField filter = $(TextField.class).id("arrival-filter");
        assertThat(filter.getTooltip().getText()).contains("Enter", "Alt+A");

        test(filter).setValue(booked.patientName().split(" ")[0]); // "Anna": both arrivals (and maybe others)
        com.vaadin.flow.component.ComponentUtil.fireEvent(filter,
                new com.vaadin.flow.component.KeyPressEvent(filter, "Enter"));
        assertThat(appointmentQueries.get(booked.id()).status()).as("several listed: nobody checked in")
                .isEqualTo(AppointmentStatus.SCHEDULED);

        test(filter).setValue(booked.patientMrn());
        com.vaadin.flow.component.ComponentUtil.fireEvent(filter,
                new com.vaadin.flow.component.KeyPressEvent(filter, "Enter"));
        assertThat(appointmentQueries.get(booked.id()).status()).isEqualTo(AppointmentStatus.CHECKED_IN);
        assertThat($(Span.class).id("ticket-token").getText()).endsWith("-001");
        assertThat($(Div.class).id("ticket").getElement().getTextRecursively()).startsWith("Riverside Clinic");
        $(com.vaadin.flow.component.dialog.Dialog.class).all().forEach(com.vaadin.flow.component.dialog.Dialog::close);

        // Alt+W and Alt+A themselves are pressed in a real browser: DeskScreensJourneyTest.
        assertThat($(Button.class).id("walk-in").getTooltip().getText()).contains("Alt+W");
    }

    @Test
    void the_ticket_names_the_clinic_as_configured() {
        openTicket(new ClinicIdentity("Harbour Health Centre", List.of(), ""));
        assertThat($(Span.class).withClassName("clinic-ticket-clinic").single().getText())
                .isEqualTo("Harbour Health Centre");
        assertThat($(Span.class).id("ticket-token").getText()).isEqualTo("B-007");
        assertThat($(Image.class).withId("ticket-logo").all()).as("no logo uploaded: the name alone").isEmpty();
    }

    @Test
    void the_ticket_shows_the_clinics_logo_beside_its_name_when_one_was_uploaded() {
        ClinicLogo logo = TestLogos.logo(240, 80);
        openTicket(new ClinicIdentity("Harbour Health Centre", List.of(), "", logo));

        Image image = $(Image.class).id("ticket-logo");
        assertThat(image.getSrc()).isEqualTo(logo.dataUri()).startsWith("data:image/png;base64,");
        assertThat(image.getAlt()).as("decorative: the name beside it says the same").contains("");
        assertThat(image.getParent().orElseThrow().getChildren().toList())
                .containsExactly(image, $(Span.class).withClassName("clinic-ticket-clinic").single());
        assertThat($(Div.class).id("ticket").getElement().getTextRecursively()).startsWith("Harbour Health Centre");
    }

    private void openTicket(ClinicIdentity clinic) {
        TicketDialog.open(new org.clinic.queue.Ticket(UUID.randomUUID(), "B-007", "Anna Q", "Dr Test", "General practice",
                        "B", 3, java.time.Duration.ofMinutes(20), clock.instant()), clinic,
                java.time.ZoneOffset.UTC, "https://clinic.example.org/v/abc", "clinic.example.org/v/abc");
    }

    @Test
    void a_booked_patient_who_joined_as_a_walk_in_is_no_longer_an_arrival_to_check_in() {
        DoctorSummary doctor = clinic.doctor(LocalTime.of(8, 0), LocalTime.of(18, 0), 15, 40);
        var people = clinic.patients(2);
        AppointmentSummary walkedIn = appointments.book(new BookAppointment(UUID.randomUUID(), people.get(0),
                doctor.id(), LocalDate.now(clock), LocalTime.of(10, 30), AppointmentKind.NEW, null));
        AppointmentSummary other = appointments.book(new BookAppointment(UUID.randomUUID(), people.get(1),
                doctor.id(), LocalDate.now(clock), LocalTime.of(10, 45), AppointmentKind.NEW, null));
        queue.walkIn(people.get(0), doctor.id(), doctor.specialty().id(), Lane.REGULAR, null, "Came early");

        navigate(ReceptionQueueView.class);

        assertThat($(Button.class, $(Div.class).id("arrivals")).all())
                .extracting(b -> b.getElement().getAttribute("data-appointment"))
                .contains(other.id().toString()).doesNotContain(walkedIn.id().toString());
    }

    @Test
    void before_the_early_arrival_window_the_row_says_when_check_in_opens() {
        DoctorSummary doctor = clinic.doctor(LocalTime.of(8, 0), LocalTime.of(18, 0), 15, 40);
        UUID patient = clinic.patients(1).getFirst();
        LocalTime start = LocalTime.of(9, 0).plus(queue.settings().earlyArrival()).plusMinutes(30);
        AppointmentSummary later = appointments.book(new BookAppointment(UUID.randomUUID(), patient, doctor.id(),
                LocalDate.now(clock), start, AppointmentKind.NEW, null));

        navigate(ReceptionQueueView.class);

        Div arrivals = $(Div.class).id("arrivals");
        assertThat($(Button.class, arrivals).all()).extracting(b -> b.getElement().getAttribute("data-appointment"))
                .doesNotContain(later.id().toString());
        assertThat(arrivals.getElement().getTextRecursively())
                .contains("Check in from " + start.minus(queue.settings().earlyArrival()));
    }

    @Test
    @SuppressWarnings("unchecked")
    void a_walk_in_with_a_priority_joins_a_doctors_queue() {
        DoctorSummary doctor = clinic.doctor(LocalTime.of(8, 0), LocalTime.of(18, 0), 15, 40);
        UUID patient = clinic.patients(1).getFirst();
        navigate(ReceptionQueueView.class);
        test($(Button.class).id("walk-in")).click();

        PatientSummary person = patients.search(patients.reference(patient).mrn(), 0, 1).getFirst();
        ((ComboBox<PatientSummary>) $(ComboBox.class).id("walk-in-patient")).setValue(person);
        ((Select<SpecialtySummary>) $(Select.class).id("walk-in-specialty")).setValue(doctor.specialty());
        ((Select<DoctorSummary>) $(Select.class).id("walk-in-doctor")).setValue(doctor);
        ((Select<Lane>) $(Select.class).id("walk-in-lane")).setValue(Lane.PREGNANT);
        test($(Button.class).id("confirm-walk-in")).click();
        // the priority needs its reason: nothing joined yet
        assertThat($(TextField.class).id("walk-in-priority-reason").isInvalid()).isTrue();
        assertThat(boards.board(doctor.id()).waiting()).isEmpty();

        test($(TextField.class).id("walk-in-priority-reason")).setValue("34 weeks");
        test($(Button.class).id("confirm-walk-in")).click();

        assertThat(boards.board(doctor.id()).waiting()).singleElement()
                .satisfies(e -> assertThat(e.lane()).isEqualTo(Lane.PREGNANT));
        assertThat(board(doctor).getElement().getTextRecursively()).contains("Pregnant", "Walk-in");
    }

    @Test
    void call_next_says_why_it_waits_while_a_called_patient_has_not_been_started() {
        DoctorSummary doctor = clinic.doctor(LocalTime.of(8, 0), LocalTime.of(18, 0), 15, 40);
        for (UUID p : clinic.patients(2)) {
            queue.walkIn(p, doctor.id(), doctor.specialty().id(), Lane.REGULAR, null, "Fever");
        }
        asDoctor(doctor, () -> {
            navigate(DoctorQueueView.class);
            test($(Button.class).id("call-next")).click();
            String token = boards.board(doctor.id()).current().getFirst().token();

            Button callNext = $(Button.class).id("call-next");
            assertThat(callNext.isEnabled()).isFalse();
            Span why = $(Span.class).id("call-next-why");
            assertThat(why.isVisible()).isTrue();
            assertThat(why.getText()).contains(token, "not started");
            assertThat(callNext.getTooltip().getText()).contains(token, "not started");
        });
    }

    @Test
    void a_doctor_calls_starts_and_finishes_from_their_queue_and_reception_sees_it_live() throws Exception {
        DoctorSummary doctor = clinic.doctor(LocalTime.of(8, 0), LocalTime.of(18, 0), 15, 40);
        var people = clinic.patients(2);
        for (UUID p : people) {
            queue.walkIn(p, doctor.id(), doctor.specialty().id(), Lane.REGULAR, null, "Fever");
        }
        asDoctor(doctor, () -> {
            navigate(DoctorQueueView.class);
            assertThat($(com.vaadin.flow.component.html.H2.class).single().getText()).contains("My queue");
            test($(Button.class).id("call-next")).click();
            QueueEntryView called = boards.board(doctor.id()).current().getFirst();
            assertThat($(Div.class).id("now-serving").getElement().getTextRecursively())
                    .contains(called.token(), called.patientName());
            // Start opens the consultation screen (its own module, by route), which starts the visit.
            test($(Button.class).id("start-consultation")).click();
            assertThat(UI.getCurrent().getInternals().getActiveViewLocation().getPath())
                    .startsWith("consultations/");
            assertThat(boards.get(called.id()).status()).isEqualTo(QueueStatus.IN_CONSULTATION);
            // Completing the consultation finishes the visit (ConsultationViewsTest); here the queue's part alone.
            queue.finish(called.id());
            queue.callNext(doctor.id());
            assertThat(boards.get(called.id()).status()).isEqualTo(QueueStatus.DONE);
            assertThat(boards.board(doctor.id()).current()).singleElement()
                    .satisfies(e -> assertThat(e.status()).isEqualTo(QueueStatus.CALLED));
        });

        // Reception's dashboard follows what the doctor does, without reload.
        navigate(ReceptionQueueView.class);
        assertThat(board(doctor).getElement().getTextRecursively()).contains("1 seen");
        QueueEntryView second = boards.board(doctor.id()).current().getFirst();
        asDoctor(doctor, () -> {
            queue.start(second.id());
            queue.finish(second.id());
        });
        awaitLiveUpdate(() -> board(doctor).getElement().getTextRecursively().contains("2 seen"));
    }

    @Test
    void a_doctor_account_without_a_doctor_has_no_queue() {
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                "nobody", null, List.of(new SimpleGrantedAuthority(Role.DOCTOR.authority()))));
        navigate(DoctorQueueView.class);
        assertThat($(com.vaadin.flow.component.html.H2.class).single().getText()).contains("not linked");
        assertThat($(Button.class).id("call-next").isEnabled()).isFalse();
    }

    @Test
    void reception_opens_any_doctors_queue_and_an_unknown_doctor_is_not_found() {
        DoctorSummary doctor = clinic.doctor(LocalTime.of(8, 0), LocalTime.of(18, 0), 15, 40);
        UI.getCurrent().navigate("my-queue", QueryParameters.of("doctor", doctor.id().toString()));
        assertThat($(com.vaadin.flow.component.html.H2.class).single().getText()).contains(doctor.displayName());
        UI.getCurrent().navigate("my-queue", QueryParameters.of("doctor", UUID.randomUUID().toString()));
        assertThat(getCurrentView()).isInstanceOf(org.clinic.base.ui.RecordNotFoundView.class);
    }

    private Div board(DoctorSummary doctor) {
        return $(Div.class, $(Div.class).id("queue-boards")).all().stream()
                .filter(d -> ("doctor:" + doctor.internalId()).equals(d.getElement().getAttribute("data-line")))
                .findFirst().orElseThrow();
    }

    private void asDoctor(DoctorSummary doctor, Runnable work) {
        var previous = SecurityContextHolder.getContext().getAuthentication();
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                doctor.staffUsername(), null, List.of(new SimpleGrantedAuthority(Role.DOCTOR.authority()))));
        try {
            work.run();
        } finally {
            SecurityContextHolder.getContext().setAuthentication(previous);
        }
    }
}
