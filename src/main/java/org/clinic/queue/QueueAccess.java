package org.clinic.queue;

import org.clinic.doctor.DoctorService;
import org.clinic.doctor.DoctorSummary;
import org.clinic.security.CurrentStaff;
import org.clinic.security.Role;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Who may work which queue: reception and administrators any; a doctor only their own queue and their specialty's
 * walk-ins. Checked by the queue's commands and by the reads of one doctor's queue, on top of the role each public
 * method states.
 */
@Component
class QueueAccess {

    private final DoctorService doctors;
    private final CurrentStaff currentStaff;

    QueueAccess(DoctorService doctors, CurrentStaff currentStaff) {
        this.doctors = doctors;
        this.currentStaff = currentStaff;
    }

    /** The doctor the signed-in user is, if they are one. */
    Optional<DoctorSummary> signedInDoctor() {
        String me = currentStaff.username().orElse("");
        return doctors.doctors().stream().filter(d -> d.staffUsername().equals(me)).findFirst();
    }

    void requireMayWork(DoctorSummary doctor) {
        if (isOnlyDoctor() && !doctor.staffUsername().equals(currentStaff.username().orElse(""))) {
            throw new AccessDeniedException("Doctors work only their own queue");
        }
    }

    void requireMayWork(QueueEntry entry) {
        if (!isOnlyDoctor()) {
            return;
        }
        DoctorSummary me = signedInDoctor()
                .orElseThrow(() -> new AccessDeniedException("This account is not a doctor's"));
        boolean mine = entry.doctorId() != null ? entry.doctorId() == me.internalId()
                : entry.specialtyId() == me.specialty().internalId();
        if (!mine) {
            throw new AccessDeniedException("Doctors work only their own queue");
        }
    }

    private static boolean isOnlyDoctor() {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null) {
            return false;
        }
        Set<String> roles = authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .collect(Collectors.toSet());
        return roles.contains("ROLE_" + Role.DOCTOR_NAME) && !roles.contains("ROLE_" + Role.RECEPTIONIST_NAME)
                && !roles.contains("ROLE_" + Role.ADMIN_NAME);
    }
}
