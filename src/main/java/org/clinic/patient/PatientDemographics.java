package org.clinic.patient;

import org.clinic.base.NotFoundException;
import org.clinic.security.Role;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.UUID;

/**
 * A patient's date of birth and sex for the clinical screens and the printed prescription. Doctors only; not logged
 * on its own: it is read as part of a consultation or summary, whose read is logged (docs/adr/0008).
 */
@Service
public class PatientDemographics {

    private final PatientRepository patients;

    PatientDemographics(PatientRepository patients) {
        this.patients = patients;
    }

    @PreAuthorize("hasRole('" + Role.DOCTOR_NAME + "')")
    @Transactional(readOnly = true)
    public Demographics of(UUID patientId) {
        PatientRecord record = patients.findByPublicId(patientId)
                .orElseThrow(() -> new NotFoundException("No patient with this id")).toRecord();
        return new Demographics(record.id(), record.birthDate(), record.birthDateEstimated(), record.sex());
    }
}
