package org.clinic.clinical;

import org.jspecify.annotations.Nullable;

import java.util.List;

/**
 * What a queue card shows of one waiting patient: the allergy status and the active allergies' substances with the
 * worst severity (doctors only; null and empty for the front desk), and the active alerts the reader may see.
 */
public record SafetyBadges(@Nullable AllergyStatus allergyStatus, List<String> allergies,
                           @Nullable Severity worstSeverity, List<String> alerts) {

    public static final SafetyBadges NONE = new SafetyBadges(null, List.of(), null, List.of());
}
