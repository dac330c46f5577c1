package org.clinic.security;

import org.jspecify.annotations.Nullable;

import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;

/**
 * What the administrators' access log screen asks for. Each part left out (null) matches everything.
 *
 * @param patientIds    only reads of these patients (an empty set matches nothing: the patient search found nobody)
 * @param staffUsername only reads by this user name
 * @param from          reads on or after this clinic-local day
 * @param to            reads on or before this clinic-local day
 * @param flaggedOnly   only reads that broke the glass
 */
public record AccessLogQuery(@Nullable Set<UUID> patientIds, @Nullable String staffUsername, @Nullable LocalDate from,
                             @Nullable LocalDate to, boolean flaggedOnly) {

    public static AccessLogQuery everything() {
        return new AccessLogQuery(null, null, null, null, false);
    }
}
