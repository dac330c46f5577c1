package org.clinic.base;

import org.springframework.stereotype.Component;

/**
 * The clinic's identity in force: as set on the settings screen, else from the environment (CLINIC_NAME,
 * CLINIC_ADDRESS on one line with lines split at commas, CLINIC_PHONE).
 */
@Component
class CurrentClinicIdentity implements ClinicIdentitySource {

    private final ClinicSettings settings;

    CurrentClinicIdentity(ClinicSettings settings) {
        this.settings = settings;
    }

    @Override
    public ClinicIdentity current() {
        return settings.identity();
    }
}
