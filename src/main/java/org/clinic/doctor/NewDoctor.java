package org.clinic.doctor;

import java.util.UUID;

/** A doctor to add; {@code staffUsername} names the DOCTOR staff account they sign in with. */
public record NewDoctor(String staffUsername, String displayName, UUID specialtyId, String email,
                        String registrationNumber, String room, int slotMinutes, int dailyCapacity) {
}
