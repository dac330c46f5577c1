package org.clinic.portal;

import org.jspecify.annotations.Nullable;

/**
 * The signed-in patient's profile as the portal shows it: their name and MRN (changed by reception), their contact
 * details, the address they sign in with and whether the clinic may email them reminders.
 */
public record Profile(String givenName, String familyName, String displayMrn, @Nullable String phone,
                      @Nullable String address, String email, boolean emailReminders) {
}
