package org.clinic.base.ui;

import com.vaadin.flow.component.datepicker.DatePicker;
import org.clinic.base.ClinicDates;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.LocalTime;

import static org.assertj.core.api.Assertions.assertThat;

class DateFieldsTest {

    private static final LocalDate THIRD_OF_DECEMBER = LocalDate.of(2026, 12, 3);

    @Test
    void a_date_typed_day_first_in_any_of_the_usual_ways_is_read_as_the_clinic_means_it() {
        for (String typed : new String[]{"03/12/2026", "3/12/2026", "3.12.2026", "03-12-2026", "2026-12-03",
                "Thu 3 Dec 2026", " 03/12/2026 "}) {
            assertThat(DateFields.read(typed, ClinicDates.DATE_PATTERN)).as(typed).contains(THIRD_OF_DECEMBER);
        }
    }

    @Test
    void text_that_is_not_a_real_date_is_not_read() {
        for (String typed : new String[]{"garbage", "31/02/2026", "13/13/2026", "03/12", ""}) {
            assertThat(DateFields.read(typed, ClinicDates.DATE_PATTERN)).as(typed).isEmpty();
        }
    }

    @Test
    void every_picker_gets_the_display_format_the_typed_formats_and_a_message_for_bad_input() {
        DatePicker picker = DateFields.day(new DatePicker("Date"), i18n -> i18n.setMinErrorMessage("Too early"));

        DatePicker.DatePickerI18n i18n = picker.getI18n();
        assertThat(i18n.getDateFormats()).first().isEqualTo("EEE d MMM yyyy");
        assertThat(i18n.getDateFormats()).contains("d/M/yyyy", "d.M.yyyy", "yyyy-MM-dd");
        assertThat(i18n.getBadInputErrorMessage()).contains("DD/MM/YYYY", "03/12/2026");
        assertThat(i18n.getMinErrorMessage()).isEqualTo("Too early");
        assertThat(picker.getPlaceholder()).isEqualTo("DD/MM/YYYY");

        DatePicker birth = DateFields.birthDate(new DatePicker("Date of birth"), i -> i);
        assertThat(birth.getI18n().getDateFormats()).first().isEqualTo("dd/MM/yyyy");
    }

    @Test
    void messages_write_dates_and_times_as_the_screens_do() {
        assertThat(ClinicDates.date(LocalDate.of(2026, 12, 2))).isEqualTo("Wed 2 Dec 2026");
        assertThat(ClinicDates.dateAndTime(LocalDate.of(2026, 12, 2), LocalTime.of(8, 0)))
                .isEqualTo("Wed 2 Dec 2026 at 08:00");
    }
}
