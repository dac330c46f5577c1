package org.clinic.doctor;

import org.springframework.data.jpa.repository.JpaRepository;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

interface DoctorRepository extends JpaRepository<Doctor, Long> {

    Optional<Doctor> findByPublicId(UUID publicId);

    Optional<Doctor> findByStaffUsername(String staffUsername);

    List<Doctor> findByActiveTrueOrderByDisplayNameAsc();

    boolean existsByEmail(String email);

    boolean existsByRegistrationNumber(String registrationNumber);

    boolean existsByStaffUsername(String staffUsername);
}
