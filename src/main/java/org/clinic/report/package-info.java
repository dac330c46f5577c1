/**
 * Monthly activity reports: one doctor's month (or the whole clinic's) computed from appointments, the queue and
 * consultations; downloads as PDF and CSV; generated on the 1st for the previous month and announced by email.
 */
@NullMarked
package org.clinic.report;

import org.jspecify.annotations.NullMarked;
