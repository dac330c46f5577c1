package org.clinic.doctor.ui;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.timepicker.TimePicker;
import org.clinic.base.ui.NotFoundView;
import org.clinic.doctor.DateException;
import org.clinic.doctor.DoctorService;
import org.clinic.doctor.NewDoctor;
import org.clinic.doctor.WorkingSession;
import org.clinic.security.CreateStaffAccount;
import org.clinic.security.Role;
import org.clinic.security.StaffAccountService;
import org.clinic.security.SystemAuthentication;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.test.context.support.WithMockUser;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest
@WithMockUser(username = MyHoursViewTest.USERNAME, roles = "DOCTOR")
class MyHoursViewTest extends SpringBrowserlessTest {

    static final String USERNAME = "dr.own.hours";
    private static final LocalDate LEAVE = LocalDate.now().plusDays(50);

    @Autowired
    DoctorService doctors;
    @Autowired
    StaffAccountService accounts;

    private UUID doctorId;

    @BeforeEach
    void the_signed_in_doctor_has_a_record() {
        doctorId = SystemAuthentication.runAs(Role.ADMIN, () -> {
            var existing = doctors.allDoctors().stream().filter(d -> d.staffUsername().equals(USERNAME)).findFirst();
            if (existing.isPresent()) {
                return existing.get().id();
            }
            if (accounts.list().stream().noneMatch(a -> a.username().equals(USERNAME))) {
                accounts.create(new CreateStaffAccount(USERNAME, "Dr Own Hours", "doctor-password", Role.DOCTOR));
            }
            var specialty = doctors.specialties().stream().findFirst()
                    .orElseGet(() -> doctors.addSpecialty("General practice"));
            UUID id = doctors.addDoctor(new NewDoctor(USERNAME, "Dr Own Hours", specialty.id(),
                    "own.hours@clinic.example.org", "GMC-OWN-HOURS-1", "H", 20, 14)).id();
            doctors.setWeeklySessions(id, List.of(
                    new WorkingSession(DayOfWeek.MONDAY, LocalTime.of(9, 0), LocalTime.of(12, 30)),
                    new WorkingSession(DayOfWeek.THURSDAY, LocalTime.of(14, 0), LocalTime.of(17, 0))));
            doctors.addLeave(id, LEAVE, "Conference");
            return id;
        });
    }

    @Test
    void a_doctor_sees_their_own_details_and_hours_with_nothing_to_edit() {
        MyHoursView view = navigate(MyHoursView.class);

        assertThat($(H2.class).id("doctor-name").getText()).isEqualTo("Dr Own Hours");
        String week = $(Div.class).id("my-week").getElement().getTextRecursively();
        assertThat(week).contains("Monday", "09:00–12:30", "Thursday", "14:00–17:00", "Not working");
        assertThat(upcoming().getListDataView().getItems()).anySatisfy(e -> {
            assertThat(e.date()).isEqualTo(LEAVE);
            assertThat(e.kind()).isEqualTo(DateException.Kind.LEAVE);
        });
        for (Class<? extends com.vaadin.flow.component.Component> editable : List.of(Button.class, TextField.class,
                IntegerField.class, TimePicker.class, DatePicker.class, ComboBox.class)) {
            assertThat($(editable, view).all()).as(editable.getSimpleName()).isEmpty();
        }
    }

    @Test
    void a_doctor_opens_none_of_the_administrators_screens() {
        for (String route : List.of("admin/doctors", "admin/specialties", "admin/holidays", "admin/staff",
                "admin/doctors/" + doctorId + "/hours")) {
            UI.getCurrent().navigate(route);
            assertThat(getCurrentView()).as(route).isInstanceOf(NotFoundView.class);
        }
    }

    @SuppressWarnings("unchecked")
    private Grid<DateException> upcoming() {
        return $(Grid.class).id("my-date-exceptions");
    }
}
