/** The receptionist's registry screens: search, registration form, patient record. */
@NullMarked
package org.clinic.patient.ui;

import org.jspecify.annotations.NullMarked;
