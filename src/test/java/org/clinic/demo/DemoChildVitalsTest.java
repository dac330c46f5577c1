package org.clinic.demo;

import org.clinic.consultation.Age;
import org.clinic.consultation.ConsultationRules;
import org.clinic.consultation.Vital;
import org.clinic.consultation.Vitals;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class DemoChildVitalsTest {

    @Test
    void the_demo_childrens_vitals_are_plausible_and_their_pulse_and_breathing_usual_for_their_age() {
        LocalDate born = LocalDate.of(2010, 3, 1);
        Random random = new Random(1);
        for (int days = 8; days < 18 * 365; days += 17) {
            LocalDate on = born.plusDays(days);
            Vitals v = DemoClinic.childVitals(born, on, random);
            Age age = Age.on(on, born, false);
            for (Vital vital : Vital.values()) {
                assertThat(vital.problem(v.value(vital))).as("%s at %s", vital, age.text()).isEmpty();
            }
            assertThat(ConsultationRules.bmiProblem(v.weight(), v.height())).as("BMI at %s", age.text()).isEmpty();
            assertThat(ConsultationRules.pressureProblem(v.systolic(), v.diastolic())).isEmpty();
            assertThat(Vital.PULSE.flag(v.pulse(), age)).as("pulse %s at %s", v.pulse(), age.text()).isEmpty();
            assertThat(Vital.RESPIRATORY_RATE.flag(v.respiratoryRate(), age))
                    .as("breathing %s at %s", v.respiratoryRate(), age.text()).isEmpty();
        }
    }
}
