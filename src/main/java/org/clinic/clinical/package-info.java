/**
 * What a doctor must know before deciding: a patient's allergies (and whether they were asked at all), alerts for
 * the care team, the problem list, and the allergy check of a prescribed medicine. Doctors record and read all of
 * it; the front desk records and reads non-clinical alerts only, never allergies or problems. Builds on the registry;
 * consultations build on it.
 */
@NullMarked
package org.clinic.clinical;

import org.jspecify.annotations.NullMarked;
