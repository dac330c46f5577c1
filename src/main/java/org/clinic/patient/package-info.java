/** The patient registry: registration, duplicate warnings, search at scale, the patient record and its history. */
@NullMarked
package org.clinic.patient;

import org.jspecify.annotations.NullMarked;
