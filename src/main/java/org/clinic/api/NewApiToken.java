package org.clinic.api;

import org.clinic.security.Role;
import org.jspecify.annotations.Nullable;

import java.time.LocalDate;
import java.util.UUID;

/**
 * An API token to create: a name for the integration (lower case, e.g. {@code lab-sync}), the role it acts with
 * (reception, or a doctor, then tied to that doctor), and optionally the last day it works.
 */
public record NewApiToken(@Nullable String name, @Nullable Role role, @Nullable UUID doctorId,
                          @Nullable LocalDate expiresAfter) {
}
