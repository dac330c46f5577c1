package org.clinic.doctor;

import org.clinic.base.LiveEvent;

/**
 * A specialty, a doctor or someone's working time changed (committed). Every node drops what it keeps of doctors
 * and days ({@link DoctorDirectory}); screens showing doctors or hours may re-read.
 */
public record DoctorsChanged() implements LiveEvent {
}
