package org.clinic.base;

/**
 * Where the clinic's name, address and phone come from: the settings screen, else the environment
 * ({@code clinic.name}, {@code clinic.address}, {@code clinic.phone}; see {@link ClinicSettings}). Callers ask for
 * them each time they print, so a change reaches the next printout.
 */
public interface ClinicIdentitySource {

    ClinicIdentity current();
}
