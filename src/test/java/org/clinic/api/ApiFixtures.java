package org.clinic.api;

import org.clinic.doctor.DoctorSummary;
import org.clinic.security.Role;
import org.clinic.security.SystemAuthentication;

import java.time.LocalDate;
import java.util.concurrent.ThreadLocalRandom;

/** API tokens for tests, made through the administrators' service as the token screen makes them. */
final class ApiFixtures {

    private final ApiTokenService tokens;

    ApiFixtures(ApiTokenService tokens) {
        this.tokens = tokens;
    }

    IssuedApiToken reception() {
        return create(Role.RECEPTIONIST, null, null);
    }

    IssuedApiToken doctor(DoctorSummary doctor) {
        return create(Role.DOCTOR, doctor, null);
    }

    IssuedApiToken create(Role role, DoctorSummary doctor, LocalDate lastDay) {
        String name = "test-" + role.name().toLowerCase() + "-" + ThreadLocalRandom.current().nextInt(100_000_000);
        return SystemAuthentication.runAs(Role.ADMIN, () -> tokens.create(new NewApiToken(name, role,
                doctor == null ? null : doctor.id(), lastDay)));
    }

    void revoke(IssuedApiToken token) {
        SystemAuthentication.runAs(Role.ADMIN, () -> tokens.revoke(token.token().id()));
    }
}
