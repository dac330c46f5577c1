package org.clinic.appointment;

import org.springframework.data.jpa.repository.JpaRepository;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

interface AppointmentRepository extends JpaRepository<Appointment, Long> {

    Optional<Appointment> findByPublicId(UUID publicId);

    Optional<Appointment> findByRequestId(UUID requestId);

    List<Appointment> findByDoctorIdAndDateOrderByStart(Long doctorId, LocalDate date);

    List<Appointment> findByDateAndDoctorIdInOrderByStart(LocalDate date, Collection<Long> doctorIds);

    List<Appointment> findByPatientIdOrderByDateDescStartDesc(Long patientId);

    /** A patient's appointments from a date on, soonest first (the index on patient and date serves it). */
    List<Appointment> findByPatientIdAndDateGreaterThanEqualOrderByDateAscStartAsc(Long patientId, LocalDate from);
}
