package org.clinic.consultation;

import java.time.LocalDate;

/** A weight recorded at a consultation, with the day it was measured. */
public record RecordedWeight(double kg, LocalDate on) {
}
