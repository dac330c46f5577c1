package org.clinic.patient;

import org.springframework.data.jpa.repository.JpaRepository;

import java.util.Optional;
import java.util.UUID;

interface PatientRepository extends JpaRepository<Patient, Long> {

    Optional<Patient> findByPublicId(UUID publicId);

    Optional<Patient> findByMrn(String mrn);
}
