package org.clinic.queue;

import org.clinic.security.CareRelationship;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.LocalDate;

/** A doctor looks after a patient who queued for them (walk-ins included) from the day given on. */
@Component
class QueueCareRelationship implements CareRelationship {

    private final JdbcClient jdbc;

    QueueCareRelationship(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean exists(String staffUsername, long patientInternalId, LocalDate since) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM queue_entry q JOIN doctor d ON d.id = q.doctor_id"
                        + " WHERE q.patient_id = :patient AND q.on_date >= :since AND d.staff_username = :username)")
                .param("patient", patientInternalId).param("since", since).param("username", staffUsername)
                .query(Boolean.class).single();
    }
}
