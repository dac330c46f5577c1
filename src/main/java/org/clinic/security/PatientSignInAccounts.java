package org.clinic.security;

import java.util.Optional;

/**
 * Where portal sign-in finds patients' accounts (implemented by the portal, which owns them), kept apart from staff
 * accounts: the portal's sign-in never finds a staff member, staff sign-in never a patient.
 */
public interface PatientSignInAccounts {

    /** The account signing in with this email address (trimmed, lower case), active or revoked. */
    Optional<PatientPrincipal> findByEmail(String email);
}
