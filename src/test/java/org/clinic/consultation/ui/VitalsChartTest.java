package org.clinic.consultation.ui;

import org.clinic.consultation.Consultation;
import org.clinic.consultation.ConsultationContent;
import org.clinic.consultation.ConsultationStatus;
import org.clinic.consultation.Vitals;
import org.clinic.patient.Sex;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class VitalsChartTest {

    private static final LocalDate BORN = LocalDate.of(2024, 12, 29);

    @Test
    void three_visits_are_drawn_with_their_dates_values_and_a_text_alternative() {
        List<Consultation> visits = List.of(
                visit(LocalDate.of(2026, 12, 7), new Vitals(98, 60, null, null, null, null, 12.0, null)),
                visit(LocalDate.of(2026, 7, 7), new Vitals(96, 58, null, null, null, null, 10.6, null)),
                visit(LocalDate.of(2026, 1, 7), new Vitals(null, null, null, null, null, null, 9.4, null)));

        String svg = VitalsChart.svg(visits);

        assertThat(svg).startsWith("<svg").contains(">7 Jan 2026<", ">7 Jul 2026<", ">7 Dec 2026<", ">9.4<",
                ">12.0<", ">98<", ">58<");
        assertThat(VitalsChart.description(visits)).isEqualTo("Blood pressure and weight over 3 visits. "
                + "7 Jan 2026: weight 9.4 kg; 7 Jul 2026: blood pressure 96/58 mmHg, weight 10.6 kg; "
                + "7 Dec 2026: blood pressure 98/60 mmHg, weight 12.0 kg.");
    }

    @Test
    void a_date_too_close_to_a_later_one_is_left_off_the_axis_but_its_value_is_drawn() {
        List<Consultation> visits = List.of(
                visit(LocalDate.of(2026, 12, 7), new Vitals(null, null, null, null, null, null, 12.3, null)),
                visit(LocalDate.of(2026, 12, 2), new Vitals(null, null, null, null, null, null, 12.1, null)),
                visit(LocalDate.of(2025, 12, 7), new Vitals(null, null, null, null, null, null, 9.9, null)));

        String svg = VitalsChart.svg(visits);

        assertThat(svg).contains(">7 Dec 2026<", ">7 Dec 2025<", ">12.1<").doesNotContain(">2 Dec 2026<");
    }

    @Test
    void without_blood_pressure_or_weight_there_is_nothing_to_draw() {
        assertThat(VitalsChart.hasData(List.of(visit(LocalDate.of(2026, 12, 7),
                new Vitals(null, null, 120, 37.0, 98, 28, null, null))))).isFalse();
    }

    private static Consultation visit(LocalDate on, Vitals vitals) {
        Instant at = on.atTime(10, 0).toInstant(java.time.ZoneOffset.UTC);
        ConsultationContent content = new ConsultationContent(vitals, null, null, null, "Well child", null,
                List.of(), null, null, null);
        return new Consultation(UUID.randomUUID(), UUID.randomUUID(), "Sam Test", "1000-0001", BORN, false,
                Sex.FEMALE, null, null, null, UUID.randomUUID(), "Dr Test", "Paediatrics", "B",
                ConsultationStatus.COMPLETED, on, at, at, "dr.test", at, "dr.test", 2, content, List.of(), null,
                true);
    }
}
