package org.clinic.patient;

import org.springframework.data.jpa.repository.JpaRepository;

import java.util.List;

interface PatientChangeRepository extends JpaRepository<PatientChange, Long> {

    List<PatientChange> findByPatientIdOrderByChangedAtDescIdDesc(Long patientId);
}
