package org.clinic.appointment;

import org.clinic.base.ClinicSettings;
import org.clinic.doctor.DoctorService;
import org.clinic.doctor.DoctorSummary;
import org.clinic.security.CurrentPatient;
import org.clinic.security.PatientAccessLog;
import org.clinic.security.Role;
import org.clinic.security.SystemAuthentication;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The signed-in patient's own appointments, for the portal: always theirs (the id comes from the signed-in
 * principal, never from the caller), and every read goes to the access log with their account as the reader.
 */
@Service
@PreAuthorize(CurrentPatient.SIGNED_IN)
public class OwnAppointments {

    private final AppointmentRepository appointments;
    private final DoctorService doctors;
    private final CurrentPatient currentPatient;
    private final PatientAccessLog accessLog;
    private final Clock clock;

    OwnAppointments(AppointmentRepository appointments, DoctorService doctors, CurrentPatient currentPatient,
                    PatientAccessLog accessLog, Clock clock, ClinicSettings clinic) {
        this.appointments = appointments;
        this.doctors = doctors;
        this.currentPatient = currentPatient;
        this.accessLog = accessLog;
        this.clock = clock.withZone(clinic.timeZone());
    }

    /** Appointments still to come (today's not yet over, and not cancelled), soonest first. */
    @Transactional
    public List<OwnAppointment> upcoming() {
        long me = currentPatient.patientInternalId();
        LocalDateTime now = LocalDateTime.now(clock);
        List<Appointment> mine = appointments.findByPatientIdOrderByDateDescStartDesc(me).stream()
                .filter(a -> a.status() == AppointmentStatus.SCHEDULED || a.status() == AppointmentStatus.CHECKED_IN)
                .filter(a -> !LocalDateTime.of(a.date(), a.end()).isBefore(now))
                .sorted(Comparator.comparing(Appointment::date).thenComparing(Appointment::start))
                .toList();
        accessLog.recordOwnRead();
        if (mine.isEmpty()) {
            return List.of();
        }
        // Doctors' names, specialties and rooms are public (the waiting-room displays show them); the doctor
        // directory is staff's, so it is read as the system and only those three facts leave this method.
        Map<Long, DoctorSummary> byId = SystemAuthentication.runAs(Role.RECEPTIONIST, () ->
                doctors.doctorsByInternalId(mine.stream().map(Appointment::doctorId).collect(Collectors.toSet())));
        return mine.stream().map(a -> {
            DoctorSummary d = byId.get(a.doctorId());
            return new OwnAppointment(a.publicId(), a.date(), a.start(), a.end(), d.displayName(),
                    d.specialty().name(), d.room(), a.status());
        }).toList();
    }
}
