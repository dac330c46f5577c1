/** Staff accounts and roles, sign-in, method security, and ending the sessions of disabled accounts. */
@NullMarked
package org.clinic.security;

import org.jspecify.annotations.NullMarked;
