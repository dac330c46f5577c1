package org.clinic.base;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** The clinic's identity from the environment: CLINIC_NAME, CLINIC_ADDRESS (on one line, lines split at commas), CLINIC_PHONE. */
@Component
class ConfiguredClinicIdentity implements ClinicIdentitySource {

    private final ClinicIdentity identity;

    ConfiguredClinicIdentity(@Value("${clinic.name:Clinic}") String name, @Value("${clinic.address:}") String address,
                             @Value("${clinic.phone:}") String phone) {
        this.identity = new ClinicIdentity(name, ClinicIdentity.lines(address), phone);
    }

    @Override
    public ClinicIdentity current() {
        return identity;
    }
}
