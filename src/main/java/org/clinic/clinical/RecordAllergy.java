package org.clinic.clinical;

import org.jspecify.annotations.Nullable;

import java.util.UUID;

/** A doctor records an allergy: substance (or class, e.g. "Penicillins"), the reaction seen, how severe. */
public record RecordAllergy(UUID patientId, @Nullable String substance, @Nullable String reaction,
                            @Nullable Severity severity) {
}
