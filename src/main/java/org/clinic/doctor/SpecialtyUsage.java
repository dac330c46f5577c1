package org.clinic.doctor;

/** A specialty with how many doctors (active or not) practise it. */
public record SpecialtyUsage(SpecialtySummary specialty, long doctors) {
}
