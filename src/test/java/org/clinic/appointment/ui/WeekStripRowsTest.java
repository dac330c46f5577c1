package org.clinic.appointment.ui;

import org.clinic.doctor.DoctorSummary;
import org.clinic.doctor.SpecialtySummary;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class WeekStripRowsTest {

    private final SpecialtySummary cardiology = new SpecialtySummary(UUID.randomUUID(), "Cardiology", 1);
    private final List<DoctorSummary> doctors = IntStream.range(0, 30).mapToObj(this::doctor).toList();

    @Test
    void a_specialty_of_a_few_doctors_shows_them_all_in_order() {
        assertThat(WeekStrip.atMost(doctors.subList(0, 5), null)).containsExactlyElementsOf(doctors.subList(0, 5));
    }

    @Test
    void a_large_one_shows_the_first_twelve_and_always_the_chosen_doctor() {
        assertThat(WeekStrip.atMost(doctors, null)).containsExactlyElementsOf(doctors.subList(0, WeekStrip.MAX_DOCTORS));
        DoctorSummary chosen = doctors.get(25);
        List<DoctorSummary> rows = WeekStrip.atMost(doctors, chosen.id());
        assertThat(rows).hasSize(WeekStrip.MAX_DOCTORS).contains(chosen).startsWith(doctors.getFirst());
        assertThat(WeekStrip.atMost(doctors, doctors.get(3).id()))
                .containsExactlyElementsOf(doctors.subList(0, WeekStrip.MAX_DOCTORS));
    }

    private DoctorSummary doctor(int i) {
        return new DoctorSummary(UUID.randomUUID(), i, "Dr Heart " + i, cardiology, "C" + i, Duration.ofMinutes(15),
                20, "heart" + i, "heart" + i + "@clinic.example", null, true);
    }
}
