package org.clinic.patient;

import org.clinic.security.Role;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.LocalDate;

/**
 * Confirms who a patient is from what they know, without handing out their record: the kiosk asks whether the
 * date of birth typed with a booking code is the patient's, and learns nothing else.
 */
@Service
public class PatientIdentity {

    private final JdbcClient jdbc;

    PatientIdentity(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @PreAuthorize("hasAnyRole('" + Role.KIOSK_NAME + "','" + Role.RECEPTIONIST_NAME + "','" + Role.ADMIN_NAME + "')")
    @Transactional(readOnly = true)
    public boolean bornOn(long patientInternalId, LocalDate birthDate) {
        return jdbc.sql("SELECT COUNT(*) FROM patient WHERE id = :id AND birth_date = :date")
                .param("id", patientInternalId).param("date", birthDate).query(Integer.class).single() == 1;
    }
}
