/** Booking screens: the booking flow and the day's appointments across doctors. */
@NullMarked
package org.clinic.appointment.ui;

import org.jspecify.annotations.NullMarked;
