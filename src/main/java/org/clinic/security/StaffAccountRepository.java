package org.clinic.security;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

interface StaffAccountRepository extends JpaRepository<StaffAccount, Long> {

    Optional<StaffAccount> findByUsername(String username);

    Optional<StaffAccount> findByPublicId(UUID publicId);

    boolean existsByUsername(String username);

    List<StaffAccount> findAllByOrderByRoleAscDisplayNameAsc();

    /** Locks every enabled administrator, so two concurrent changes cannot both remove "the other" last admin. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select a from StaffAccount a where a.role = org.clinic.security.Role.ADMIN and a.enabled = true")
    List<StaffAccount> lockEnabledAdmins();

    long countByRoleAndEnabledTrue(Role role);
}
