/**
 * Consultations: vitals, notes, diagnosis, prescription and follow-up, written as a draft by the treating doctor and
 * locked on completion (corrections are addenda); completing also finishes the queue visit and the appointment in
 * the same transaction. Clinical content is for doctors only; everyone else learns only that a visit happened.
 */
@NullMarked
package org.clinic.consultation;

import org.jspecify.annotations.NullMarked;
