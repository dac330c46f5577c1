package org.clinic.queue.ui;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.router.QueryParameters;
import org.clinic.TestClock;
import org.clinic.appointment.TestClinic;
import org.clinic.doctor.DoctorService;
import org.clinic.doctor.DoctorSummary;
import org.clinic.patient.PatientRecord;
import org.clinic.patient.PatientService;
import org.clinic.patient.TestPatients;
import org.clinic.queue.Lane;
import org.clinic.queue.QueueEntryView;
import org.clinic.queue.QueueBoards;
import org.clinic.queue.QueueService;
import org.clinic.security.ActingAs;
import org.clinic.security.CreateStaffAccount;
import org.clinic.security.Role;
import org.clinic.security.StaffAccountService;
import org.clinic.security.StaffAccountSummary;
import org.clinic.security.SystemAuthentication;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.test.context.support.WithMockUser;

import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.clinic.base.ui.LiveScreens.awaitLiveUpdate;

/**
 * What the waiting room sees: tokens and rooms, initials only when an administrator set the display account to show
 * them, never a name; and it stays live.
 */
@SpringBootTest
@WithMockUser(username = "tv", roles = "DISPLAY")
class WaitingRoomDisplayViewTest extends SpringBrowserlessTest {

    @Autowired
    QueueService queue;

    @Autowired

    QueueBoards boards;
    @Autowired
    StaffAccountService accounts;
    @Autowired
    DoctorService doctors;
    @Autowired
    PatientService patients;
    @Autowired
    TestClock clock;

    private DoctorSummary doctor;
    private final List<PatientRecord> people = new ArrayList<>();
    private final List<String> tokens = new ArrayList<>();

    @BeforeEach
    void three_patients_checked_in_and_one_called() {
        clock.setTimeOfDay(LocalTime.of(9, 0));
        doctor = new TestClinic(accounts, doctors, patients).doctor(LocalTime.of(8, 0), LocalTime.of(18, 0), 15, 40);
        SystemAuthentication.runAs(Role.RECEPTIONIST, () -> {
            for (String given : List.of("Zebedee", "Ottoline", "Perpetua")) {
                PatientRecord patient = patients.register(TestPatients.details(given, TestPatients.uniqueName()), true);
                people.add(patient);
                tokens.add(queue.walkIn(patient.id(), doctor.id(), doctor.specialty().id(),
                        given.equals("Perpetua") ? Lane.SENIOR : Lane.REGULAR,
                        given.equals("Perpetua") ? "Over 80" : null, "Chest pain since Tuesday").token());
            }
            queue.callNext(doctor.id()).orElseThrow();
        });
    }

    @AfterEach
    void real_time() {
        clock.reset();
    }

    @Test
    void shows_tokens_and_rooms_but_never_a_name_a_reason_or_a_priority() {
        WaitingRoomDisplayView view = open(Map.of("doctor", doctor.id().toString()));
        String text = view.getElement().getTextRecursively();

        assertThat(text).contains("Now calling").contains("Room " + doctor.room());
        tokens.forEach(token -> assertThat(text).contains(token));
        assertNoPersonalData(text);
        assertThat(text).doesNotContain("Over 80").doesNotContain("Senior").doesNotContain("Chest pain");
        people.forEach(person -> assertThat(text).as("no initials unless the account is set to")
                .doesNotContain(initials(person)));

        String clinicWide = open(Map.of()).getElement().getTextRecursively();
        assertThat(clinicWide).contains(tokens.getFirst());
        assertNoPersonalData(clinicWide);
    }

    @Test
    void shows_initials_only_when_an_administrator_set_the_display_account_to_never_because_the_address_asks() {
        String asked = open(Map.of("doctor", doctor.id().toString(), "initials", "true"))
                .getElement().getTextRecursively();
        people.forEach(person -> assertThat(asked).as("the address cannot turn initials on")
                .doesNotContain(initials(person)));

        StaffAccountSummary tv = SystemAuthentication.runAs(Role.ADMIN, () -> {
            StaffAccountSummary created = accounts.create(new CreateStaffAccount(
                    "tv" + ThreadLocalRandom.current().nextInt(1_000_000), "Waiting room TV", "lantern-harbour-42",
                    Role.DISPLAY));
            return accounts.showInitials(created.id(), true);
        });
        String shown = ActingAs.as(tv.username(), Role.DISPLAY,
                () -> open(Map.of("doctor", doctor.id().toString())).getElement().getTextRecursively());

        people.forEach(person -> assertThat(shown).contains(initials(person)));
        assertNoPersonalData(shown);
    }

    @Test
    @WithMockUser(username = "desk", roles = "RECEPTIONIST")
    void staff_previewing_the_display_see_tokens_only() {
        String text = open(Map.of("doctor", doctor.id().toString(), "initials", "true"))
                .getElement().getTextRecursively();

        tokens.forEach(token -> assertThat(text).contains(token));
        people.forEach(person -> assertThat(text).doesNotContain(initials(person)));
    }

    @Test
    void a_new_call_appears_and_is_announced_without_reload_and_a_recall_is_announced_again() throws Exception {
        WaitingRoomDisplayView view = open(Map.of("doctor", doctor.id().toString(), "lang", "en-GB"));
        assertThat(view.announced()).as("calls made before the display opened are not read out").isEmpty();
        QueueEntryView first = SystemAuthentication.runAs(Role.RECEPTIONIST,
                () -> boards.board(doctor.id()).current().getFirst());

        SystemAuthentication.runAs(Role.RECEPTIONIST, () -> {
            queue.start(first.id());
            queue.finish(first.id());
            return queue.callNext(doctor.id()).orElseThrow();
        });
        awaitLiveUpdate(() -> view.announced().size() == 1);
        QueueEntryView second = SystemAuthentication.runAs(Role.RECEPTIONIST,
                () -> boards.board(doctor.id()).current().getFirst());
        assertThat(view.getElement().getTextRecursively()).contains(second.token());
        assertThat(view.announced().getFirst()).isEqualTo(
                "Token " + CallAnnouncement.spoken(second.token()) + ", room " + CallAnnouncement.spoken(doctor.room()));

        SystemAuthentication.runAs(Role.RECEPTIONIST, () -> queue.recall(second.id()));
        awaitLiveUpdate(() -> view.announced().size() == 2);
        assertThat(view.getElement().getTextRecursively()).contains("Calling again");
    }

    @Test
    void an_address_naming_no_doctor_says_so_and_shows_no_board() {
        String text = open(Map.of("doctor", "not-a-uuid")).getElement().getTextRecursively();
        assertThat(text).contains("does not name a doctor or specialty");
        text = open(Map.of("doctor", java.util.UUID.randomUUID().toString())).getElement().getTextRecursively();
        assertThat(text).contains("does not name a doctor or specialty");
    }

    private WaitingRoomDisplayView open(Map<String, String> parameters) {
        UI.getCurrent().navigate("display", QueryParameters.simple(parameters));
        assertThat(getCurrentView()).isInstanceOf(WaitingRoomDisplayView.class);
        return (WaitingRoomDisplayView) getCurrentView();
    }

    private static String initials(PatientRecord person) {
        return (person.givenName().charAt(0) + ". " + person.familyName().charAt(0) + ".").toUpperCase(java.util.Locale.ROOT);
    }

    private void assertNoPersonalData(String text) {
        for (PatientRecord person : people) {
            assertThat(text).doesNotContain(person.givenName()).doesNotContain(person.familyName());
            assertThat(text).doesNotContain(person.mrn());
        }
    }
}
