package org.clinic.clinical.ui;

import com.vaadin.flow.spring.security.AuthenticationContext;
import org.clinic.base.ClinicSettings;
import org.clinic.base.LiveUpdates;
import org.clinic.clinical.AllergyService;
import org.clinic.clinical.CareAlertService;
import org.clinic.clinical.ProblemListService;
import org.clinic.clinical.SafetyRecords;
import org.clinic.security.Role;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;

/** What this module's screens use, injected once and handed to the components that build them. */
@Component
class SafetyServices {

    final SafetyRecords records;
    final AllergyService allergies;
    final CareAlertService alerts;
    final ProblemListService problems;
    final LiveUpdates liveUpdates;
    private final ClinicSettings settings;
    private final Clock clock;
    private final AuthenticationContext authentication;

    SafetyServices(SafetyRecords records, AllergyService allergies, CareAlertService alerts,
                   ProblemListService problems, LiveUpdates liveUpdates, ClinicSettings settings, Clock clock,
                   AuthenticationContext authentication) {
        this.records = records;
        this.allergies = allergies;
        this.alerts = alerts;
        this.problems = problems;
        this.liveUpdates = liveUpdates;
        this.settings = settings;
        this.clock = clock;
        this.authentication = authentication;
    }

    LocalDate today() {
        return LocalDate.now(clock.withZone(zone()));
    }

    /** The clinic's zone now (it may be changed on the settings screen). */
    ZoneId zone() {
        return settings.timeZone();
    }

    boolean doctor() {
        return authentication.hasRole(Role.DOCTOR_NAME);
    }
}
