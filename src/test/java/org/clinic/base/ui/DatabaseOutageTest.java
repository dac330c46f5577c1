package org.clinic.base.ui;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.html.H2;
import org.clinic.base.EmbeddedMariaDb;
import org.clinic.patient.PatientRecord;
import org.clinic.patient.PatientService;
import org.clinic.patient.TestPatients;
import org.clinic.patient.ui.PatientRecordView;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.test.context.support.WithMockUser;


import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/** MariaDB goes away while the app runs: a clear message, nothing half-saved, and recovery without a restart. */
@SpringBootTest
@WithMockUser(username = "grace", roles = "RECEPTIONIST")
class DatabaseOutageTest extends SpringBrowserlessTest {

    @Autowired
    PatientService patients;
    @Autowired
    JdbcClient jdbc;

    @Test
    void the_app_says_the_database_is_unavailable_and_recovers_by_itself_once_it_is_back() {
        PatientRecord patient = patients.register(TestPatients.details(), false);
        String family = TestPatients.uniqueName();
        EmbeddedMariaDb database = EmbeddedMariaDb.running();

        database.stop();
        try {
            Throwable failure = catchThrowable(() -> patients.register(TestPatients.details("Omar", family), false));
            assertThat(ClinicErrorHandler.isDatabaseUnavailable(failure)).as("%s", failure).isTrue();
            assertThat(ClinicErrorHandler.messageFor(failure)).isEqualTo(ClinicErrorHandler.DATABASE_UNAVAILABLE);

            com.vaadin.flow.component.UI.getCurrent().navigate("patients/" + patient.id());
            assertThat(getCurrentView()).isInstanceOf(ProblemView.class);
            assertThat($(H2.class).single().getText()).isEqualTo("Database unavailable");
        } finally {
            database.restart();
        }

        // The pool replaces its dead connections by itself; the next requests succeed without any restart.
        long deadline = System.nanoTime() + 15_000_000_000L;
        do {
            com.vaadin.flow.component.UI.getCurrent().navigate("patients/" + patient.id());
        } while (!(getCurrentView() instanceof PatientRecordView) && System.nanoTime() < deadline);
        assertThat(getCurrentView()).isInstanceOf(PatientRecordView.class);
        assertThat(patients.search(family, 0, 5)).as("nothing was half-saved").isEmpty();
        assertThat(patients.register(TestPatients.details("Omar", family), false)).isNotNull();
    }
}
