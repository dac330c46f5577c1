/** Exports of patients' visit histories to CSV: requested by doctors (one patient) and administrators (a doctor's
 * visits over a date range), produced in the background with live progress, kept for a few days, audited. */
@NullMarked
package org.clinic.export;

import org.jspecify.annotations.NullMarked;
