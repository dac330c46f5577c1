/**
 * The patients' portal: their own accounts (sign-up, email verification, linking a registry record, invitations,
 * revoking), their profile, and the portal's frame and home.
 */
@NullMarked
package org.clinic.portal;

import org.jspecify.annotations.NullMarked;
