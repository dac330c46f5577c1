package org.clinic.consultation;

import org.clinic.security.CareRelationship;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.LocalDate;

/** A doctor looks after a patient they saw (recorded past visits included) from the day given on. */
@Component
class ConsultationCareRelationship implements CareRelationship {

    private final JdbcClient jdbc;

    ConsultationCareRelationship(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean exists(String staffUsername, long patientInternalId, LocalDate since) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM consultation c JOIN doctor d ON d.id = c.doctor_id"
                        + " WHERE c.patient_id = :patient AND c.visit_date >= :since AND d.staff_username = :username)")
                .param("patient", patientInternalId).param("since", since).param("username", staffUsername)
                .query(Boolean.class).single();
    }
}
