/** Booking that can never double-book: slots, capacity, cancellation, rescheduling, no-shows, day lists. */
@NullMarked
package org.clinic.appointment;

import org.jspecify.annotations.NullMarked;
