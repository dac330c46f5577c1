package org.clinic.base.operations;

import com.vaadin.browserless.SpringBrowserlessTest;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.clinic.TestClock;
import org.clinic.appointment.TestClinic;
import org.clinic.doctor.DoctorService;
import org.clinic.doctor.DoctorSummary;
import org.clinic.patient.PatientService;
import org.clinic.queue.Lane;
import org.clinic.queue.QueueService;
import org.clinic.queue.ui.ReceptionQueueView;
import org.clinic.security.StaffAccountService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.test.context.support.WithMockUser;

import java.time.LocalTime;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.clinic.base.ui.LiveScreens.awaitLiveUpdate;

/** A committed change reaching an open screen is timed (commit to push), and the open screen is counted. */
@SpringBootTest
@WithMockUser(username = "grace", roles = "RECEPTIONIST")
class LiveDeliveryMetersTest extends SpringBrowserlessTest {

    @Autowired
    MeterRegistry meters;
    @Autowired
    QueueService queue;
    @Autowired
    StaffAccountService accounts;
    @Autowired
    DoctorService doctors;
    @Autowired
    PatientService patients;
    @Autowired
    TestClock clock;

    @AfterEach
    void realTime() {
        clock.reset();
    }

    @Test
    void a_queue_change_pushed_to_the_reception_screen_is_timed_and_the_screen_counted() throws Exception {
        clock.setTimeOfDay(LocalTime.of(9, 0));
        TestClinic clinic = new TestClinic(accounts, doctors, patients);
        DoctorSummary doctor = clinic.doctor(LocalTime.of(8, 0), LocalTime.of(18, 0), 15, 40);
        UUID patient = clinic.patients(1).getFirst();
        navigate(ReceptionQueueView.class);
        Timer delivery = meters.get("clinic.live.delivery").timer();
        long before = delivery.count();

        queue.walkIn(patient, doctor.id(), doctor.specialty().id(), Lane.REGULAR, null, null);

        awaitLiveUpdate(() -> delivery.count() > before);
        assertThat(delivery.max(java.util.concurrent.TimeUnit.NANOSECONDS)).isPositive();
        assertThat(meters.get("clinic.live.screens").gauge().value()).isGreaterThanOrEqualTo(1);
    }
}
