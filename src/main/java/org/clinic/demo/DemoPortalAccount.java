package org.clinic.demo;

import org.clinic.appointment.AppointmentQueries;
import org.clinic.appointment.AppointmentStatus;
import org.clinic.appointment.AppointmentSummary;
import org.clinic.patient.PatientDetails;
import org.clinic.patient.PatientRecord;
import org.clinic.patient.PatientService;
import org.clinic.portal.PortalSeeding;
import org.clinic.security.Role;
import org.clinic.security.SystemAuthentication;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;

/**
 * The demo's patient at the portal: {@value #EMAIL} with the demo password, linked to a demo patient who has
 * appointments in the coming days (their record's email address becomes this one). Seeded once.
 */
@Component
@Profile("dev")
@ConditionalOnProperty(name = "clinic.demo.enabled", havingValue = "true")
@Order(-5) // after DemoClinic, which books the appointments
class DemoPortalAccount implements ApplicationRunner {

    static final String EMAIL = "portal.demo@example.org";

    private static final Logger log = LoggerFactory.getLogger(DemoPortalAccount.class);

    private final PortalSeeding seeding;
    private final PatientService patients;
    private final AppointmentQueries appointments;
    private final Clock clock;

    DemoPortalAccount(PortalSeeding seeding, PatientService patients, AppointmentQueries appointments, Clock clock) {
        this.seeding = seeding;
        this.patients = patients;
        this.appointments = appointments;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (SystemAuthentication.runAs(Role.ADMIN, () -> seeding.hasAccount(EMAIL))) {
            return;
        }
        Optional<PatientRecord> patient = SystemAuthentication.runAs(Role.RECEPTIONIST, this::patientWithAppointments);
        patient.ifPresent(p -> {
            SystemAuthentication.runAs(Role.ADMIN, () -> seeding.seedAccount(p.id(), EMAIL, DemoClinic.PASSWORD));
            log.info("Demo patient portal: sign in at /portal as {} ({}), password {}", EMAIL, p.fullName(),
                    DemoClinic.PASSWORD);
        });
    }

    /** An active patient with a scheduled appointment in the next days; their email becomes the demo's. */
    private Optional<PatientRecord> patientWithAppointments() {
        LocalDate today = LocalDate.now(clock);
        for (int days = 1; days <= 14; days++) {
            Optional<AppointmentSummary> found = appointments.allOn(today.plusDays(days)).stream()
                    .filter(a -> a.status() == AppointmentStatus.SCHEDULED).findFirst();
            if (found.isPresent()) {
                PatientRecord record = patients.get(found.get().patientId());
                if (record.status() != org.clinic.patient.PatientStatus.ACTIVE) {
                    continue;
                }
                PatientDetails d = record.details();
                return Optional.of(patients.update(record.id(), record.version(), new PatientDetails(d.givenName(),
                        d.familyName(), d.birthDate(), d.birthDateEstimated(), d.sex(), d.phone(), EMAIL,
                        d.address())));
            }
        }
        return Optional.empty();
    }
}
