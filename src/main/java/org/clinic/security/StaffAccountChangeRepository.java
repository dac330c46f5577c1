package org.clinic.security;

import org.springframework.data.jpa.repository.JpaRepository;

import java.util.List;

interface StaffAccountChangeRepository extends JpaRepository<StaffAccountChange, Long> {

    List<StaffAccountChange> findByAccountIdOrderByIdDesc(Long accountId);
}
