package org.clinic.doctor;

import jakarta.persistence.LockModeType;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

interface DoctorRepository extends JpaRepository<Doctor, Long> {

    Optional<Doctor> findByPublicId(UUID publicId);

    /** The doctor's row, locked until the transaction ends: changes to one doctor's working time run one at a time. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select d from Doctor d where d.publicId = :publicId")
    Optional<Doctor> lockByPublicId(UUID publicId);

    Optional<Doctor> findByStaffUsername(String staffUsername);

    List<Doctor> findByActiveTrueOrderByDisplayNameAsc();

    List<Doctor> findAllByOrderByDisplayNameAsc();

    boolean existsByEmail(String email);

    boolean existsByEmailAndIdNot(String email, Long id);

    boolean existsByRegistrationNumber(String registrationNumber);

    boolean existsByRegistrationNumberAndIdNot(String registrationNumber, Long id);

    boolean existsByStaffUsername(String staffUsername);

    boolean existsBySpecialtyId(Long specialtyId);

    @Query("select d.staffUsername from Doctor d")
    List<String> linkedStaffUsernames();

    @Query("select d.specialtyId, count(d) from Doctor d group by d.specialtyId")
    List<Object[]> countBySpecialty();
}
