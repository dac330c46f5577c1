package org.clinic.patient.ui;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.textfield.TextField;
import org.clinic.patient.PatientRecord;
import org.clinic.patient.PatientService;
import org.clinic.patient.TestPatients;
import org.clinic.security.ActingAs;
import org.clinic.security.PatientAccessLog;
import org.clinic.security.Role;
import org.clinic.security.SystemAuthentication;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.test.context.support.WithMockUser;

import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest
@WithMockUser(username = "ada", roles = "ADMIN")
class PatientAccessLogViewTest extends SpringBrowserlessTest {

    @Autowired
    PatientService patients;
    @Autowired
    PatientAccessLog accessLog;

    @Test
    void an_administrator_finds_who_looked_at_a_patient_by_name_newest_first() {
        PatientRecord patient = registered();
        ActingAs.as("grace", Role.RECEPTIONIST, () -> patients.get(patient.id()));
        ActingAs.as("dr.cover", Role.DOCTOR, () -> {
            accessLog.breakTheGlass(patient.id(), "Covering for a colleague: Dr Reyes is away");
            return patients.get(patient.id());
        });
        navigate(PatientAccessLogView.class);

        test($(TextField.class).id("access-log-patient")).setValue(patient.familyName());

        assertThat(rows()).containsExactly(
                "dr.cover|Doctor|" + patient.fullName() + " · MRN " + patient.displayMrn()
                        + "|Patient record|Broke the glass Covering for a colleague: Dr Reyes is away",
                "grace|Receptionist|" + patient.fullName() + " · MRN " + patient.displayMrn()
                        + "|Patient record|Front desk or administration");

        test($(Checkbox.class).id("access-log-flagged")).click();
        assertThat(rows()).singleElement().asString().startsWith("dr.cover|");
    }

    @Test
    void a_name_that_matches_nobody_shows_no_reads_rather_than_everyones() {
        navigate(PatientAccessLogView.class);

        test($(TextField.class).id("access-log-patient")).setValue("Zzqxnobody");

        assertThat(rows()).isEmpty();
    }

    @Test
    void the_log_is_paged_from_the_database() {
        PatientRecord patient = registered();
        IntStream.range(0, 120).forEach(i -> ActingAs.as("grace", Role.RECEPTIONIST, () -> patients.get(patient.id())));
        navigate(PatientAccessLogView.class);

        test($(TextField.class).id("access-log-patient")).setValue(patient.displayMrn());

        assertThat(grid().getLazyDataView().getItems().count()).isEqualTo(120);
    }

    private PatientRecord registered() {
        return SystemAuthentication.runAs(Role.RECEPTIONIST, () -> patients.register(TestPatients.details(), false));
    }

    @SuppressWarnings("unchecked")
    private Grid<PatientAccessLogView.Row> grid() {
        return $(Grid.class).id("access-log");
    }

    /** Who, role, patient, what and why of each row shown, read through the grid's own columns. */
    private List<String> rows() {
        var tester = test(grid());
        int shown = (int) grid().getLazyDataView().getItems().count();
        return IntStream.range(0, shown).mapToObj(i -> {
            PatientAccessLogView.Row row = tester.getRow(i);
            String who = tester.getCellComponent(i, 1).getElement().getTextRecursively();
            return String.join("|", row.entry().staffUsername(), who.substring(row.entry().staffUsername().length()),
                    row.patient() + " · " + row.mrn(), row.entry().what().label(),
                    tester.getCellComponent(i, 4).getElement().getTextRecursively());
        }).toList();
    }
}
