package org.clinic.patient;

import java.time.LocalDate;
import java.util.concurrent.ThreadLocalRandom;

/** Factory for patient details that no other test uses: unique names, valid everything else. */
public final class TestPatients {

    private TestPatients() {
    }

    /** A unique, pronounceable-enough surname such as "Qorvexa", so searches find only this test's patients. */
    public static String uniqueName() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        StringBuilder name = new StringBuilder("Q");
        for (int i = 0; i < 9; i++) {
            name.append((char) ('a' + random.nextInt(26)));
        }
        return name.toString();
    }

    /** A valid London number from the range set aside for drama, unique enough for one test run. */
    public static String uniquePhone() {
        return "+44113496" + String.format("%04d", ThreadLocalRandom.current().nextInt(10_000));
    }

    public static PatientDetails details(String givenName, String familyName) {
        return new PatientDetails(givenName, familyName, LocalDate.of(1984, 3, 12), false, Sex.FEMALE, null,
                null, null);
    }

    public static PatientDetails details() {
        return details("Anna", uniqueName());
    }

    public static PatientDetails withPhone(PatientDetails details, String phone) {
        return new PatientDetails(details.givenName(), details.familyName(), details.birthDate(),
                details.birthDateEstimated(), details.sex(), phone, details.email(), details.address());
    }
}
