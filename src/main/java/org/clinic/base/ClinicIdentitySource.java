package org.clinic.base;

/**
 * Where the clinic's name, address and phone come from. Today the environment ({@code clinic.name},
 * {@code clinic.address}, {@code clinic.phone}; see {@link ConfiguredClinicIdentity}); a settings screen may later
 * keep them in the database behind this same interface, so callers ask for them each time they print.
 */
public interface ClinicIdentitySource {

    ClinicIdentity current();
}
