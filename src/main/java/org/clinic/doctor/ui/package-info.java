/** Administrators' screens for doctors, specialties, working hours and clinic holidays; a doctor's own hours. */
@NullMarked
package org.clinic.doctor.ui;

import org.jspecify.annotations.NullMarked;
