/**
 * The day of the visit, from the patient's side: the public position page a visit link opens (token, how many are
 * ahead, the estimated wait, the room when called; never a name) and the self check-in kiosk.
 */
@NullMarked
package org.clinic.visit;

import org.jspecify.annotations.NullMarked;
