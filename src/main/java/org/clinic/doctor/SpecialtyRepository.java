package org.clinic.doctor;

import org.springframework.data.jpa.repository.JpaRepository;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

interface SpecialtyRepository extends JpaRepository<Specialty, Long> {

    Optional<Specialty> findByPublicId(UUID publicId);

    List<Specialty> findAllByOrderByNameAsc();

    boolean existsByName(String name);

    boolean existsByNameAndIdNot(String name, Long id);
}
