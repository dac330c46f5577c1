/** Doctors, specialties and working hours: weekly sessions, leave and extra sessions, clinic holidays. */
@NullMarked
package org.clinic.doctor;

import org.jspecify.annotations.NullMarked;
