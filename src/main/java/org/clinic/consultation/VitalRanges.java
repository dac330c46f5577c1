package org.clinic.consultation;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * The usual range of each vital sign by {@link AgeBand}: a value outside it is flagged for the doctor, never refused
 * (what is refused is {@link Vital}'s plausible range, repeated as CHECK constraints).
 *
 * <p>Children, from the American Heart Association's Pediatric Advanced Life Support (PALS) Provider Manual (2020),
 * tables "Normal heart rates", "Normal respiratory rates" and "Normal blood pressures in children", and its
 * definition of hypotension; the heart and respiratory rates there are drawn from Fleming S, Thompson M, Stevens R
 * et al., "Normal ranges of heart rate and respiratory rate in children from birth to 18 years of age: a systematic
 * review of observational studies", Lancet 2011;377:1011–18.
 * <ul>
 *   <li>Pulse: from the lower "asleep" bound to the upper "awake" bound, so that a calm or sleeping child is not
 *       flagged slow and a crying one is flagged only when faster than awake children are.</li>
 *   <li>Respiratory rate: PALS has one row for infants, newborns included.</li>
 *   <li>Systolic pressure: the upper bound is the PALS normal range's; the lower bound is where PALS calls it
 *       hypotension (below 60 mmHg in term newborns, 70 in infants, 70 + 2 × age in years from 1 to 10, taken at
 *       the youngest age of the band, 90 from 10 years on). The PALS normal ranges' lower bounds would flag many
 *       healthy children.</li>
 *   <li>Diastolic pressure: the PALS normal range (newborn: the 96-hour row; school age: 6–9 years;
 *       preadolescent: 10–12 years; adolescent: 12–15 years).</li>
 *   <li>Temperature: a fever is 38.0 °C or more at every age (NICE guideline NG143, Fever in under 5s, 2019);
 *       newborns' usual 36.5–37.5 °C is the World Health Organization's (Thermal protection of the newborn: a
 *       practical guide, 1997).</li>
 * </ul>
 * Adults keep the clinic's ranges: blood pressure 90–139/60–89 mmHg, pulse 50–100 /min, respiratory rate 12–20 /min,
 * temperature 35.5–37.9 °C. SpO₂ 94–100 % at every age. Weight and height have no usual range (for children they
 * need growth centiles by age and sex, which the clinic does not ship).
 */
public final class VitalRanges {

    /** A usual range, both ends included, in the vital's unit. */
    public record Range(double low, double high) {
    }

    private static final Map<Vital, Map<AgeBand, Range>> USUAL = new EnumMap<>(Vital.class);

    static {
        //                                 newborn     infant      toddler     preschool   school-age  10–12       adolescent  adult
        row(Vital.PULSE,                   90, 205,    90, 180,    80, 140,    65, 120,    58, 118,    58, 118,    50, 100,    50, 100);
        row(Vital.RESPIRATORY_RATE,        30, 53,     30, 53,     22, 37,     20, 28,     18, 25,     18, 25,     12, 20,     12, 20);
        row(Vital.SYSTOLIC,                60, 84,     70, 104,    72, 106,    76, 112,    82, 115,    90, 120,    90, 131,    90, 139);
        row(Vital.DIASTOLIC,               35, 53,     37, 56,     42, 63,     46, 72,     57, 76,     61, 80,     64, 83,     60, 89);
        row(Vital.TEMPERATURE,             36.5, 37.5, 35.5, 37.9, 35.5, 37.9, 35.5, 37.9, 35.5, 37.9, 35.5, 37.9, 35.5, 37.9, 35.5, 37.9);
        row(Vital.SPO2,                    94, 100,    94, 100,    94, 100,    94, 100,    94, 100,    94, 100,    94, 100,    94, 100);
    }

    private VitalRanges() {
    }

    /** The usual range of {@code vital} for {@code band}; empty for weight and height. */
    public static Optional<Range> usual(Vital vital, AgeBand band) {
        Map<AgeBand, Range> byBand = USUAL.get(vital);
        return byBand == null ? Optional.empty() : Optional.of(byBand.get(band));
    }

    private static void row(Vital vital, double... bounds) {
        AgeBand[] bands = AgeBand.values();
        if (bounds.length != bands.length * 2) {
            throw new IllegalStateException(vital + ": a low and a high for each of " + bands.length + " age bands");
        }
        Map<AgeBand, Range> byBand = new EnumMap<>(AgeBand.class);
        for (int i = 0; i < bands.length; i++) {
            double low = bounds[2 * i];
            double high = bounds[2 * i + 1];
            if (low >= high || low < vital.min() || high > vital.max()) {
                throw new IllegalStateException(vital + " for " + bands[i] + ": usual range outside what is plausible");
            }
            byBand.put(bands[i], new Range(low, high));
        }
        USUAL.put(vital, byBand);
    }
}
