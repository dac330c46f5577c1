package org.clinic.appointment;

import org.clinic.security.CareRelationship;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.LocalDate;

/** A doctor looks after a patient booked with them (from the day given on, ahead included), unless cancelled. */
@Component
class AppointmentCareRelationship implements CareRelationship {

    private final JdbcClient jdbc;

    AppointmentCareRelationship(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean exists(String staffUsername, long patientInternalId, LocalDate since) {
        // ix_appointment_patient (patient_id, on_date): a short range of one patient's appointments
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM appointment a JOIN doctor d ON d.id = a.doctor_id"
                        + " WHERE a.patient_id = :patient AND a.on_date >= :since AND a.status <> 'CANCELLED'"
                        + " AND d.staff_username = :username)")
                .param("patient", patientInternalId).param("since", since).param("username", staffUsername)
                .query(Boolean.class).single();
    }
}
