package org.clinic.doctor;

import java.util.UUID;

public record SpecialtySummary(UUID id, String name) {
}
