package org.clinic.appointment.ui;

import org.clinic.appointment.AppointmentStatus;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class DayCountsTest {

    @Test
    void completed_visits_are_counted_as_completed_not_as_to_come() {
        List<AppointmentStatus> day = new ArrayList<>();
        day.addAll(Collections.nCopies(12, AppointmentStatus.SCHEDULED));
        day.addAll(Collections.nCopies(35, AppointmentStatus.COMPLETED));
        day.addAll(Collections.nCopies(4, AppointmentStatus.CANCELLED));

        assertThat(DayCounts.describe(day)).isEqualTo("51 shown · 12 to come · 35 completed · 4 cancelled");
    }

    @Test
    void every_state_with_any_appointment_is_named_in_the_order_of_the_day() {
        assertThat(DayCounts.describe(List.of(AppointmentStatus.NO_SHOW, AppointmentStatus.IN_CONSULTATION,
                AppointmentStatus.CHECKED_IN, AppointmentStatus.CHECKED_IN, AppointmentStatus.NO_SHOW)))
                .isEqualTo("5 shown · 2 checked in · 1 with the doctor · 2 no-shows");
        assertThat(DayCounts.describe(List.of())).isEqualTo("No appointments shown");
    }
}
