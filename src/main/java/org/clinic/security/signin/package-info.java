/**
 * Sign-in throttling and the authentication log: pauses after repeated failures per account name and per address,
 * every sign-in, failure, sign-out, pause and unlock recorded, and the administrators' view of both. A sub-package
 * because the security root had grown past fifteen types and this is one seam: it only plugs into Spring Security.
 */
@NullMarked
package org.clinic.security.signin;

import org.jspecify.annotations.NullMarked;
