package org.clinic.api;

import io.swagger.v3.oas.annotations.media.Schema;
import org.clinic.patient.PatientDetails;
import org.clinic.patient.PatientRecord;
import org.clinic.patient.PatientStatus;
import org.clinic.patient.PatientSummary;
import org.clinic.patient.Sex;
import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** The patient resources' JSON: what a client sends and what it gets back. Unknown fields are refused (400, ApiJsonReading). */
final class PatientJson {

    private PatientJson() {
    }

    @Schema(name = "NewPatient", description = "A patient to register. The same rules as the registration form apply.")
    record NewPatient(
            @Schema(example = "Amelia", requiredMode = Schema.RequiredMode.REQUIRED) @Nullable String givenName,
            @Schema(example = "Okafor", requiredMode = Schema.RequiredMode.REQUIRED) @Nullable String familyName,
            @Schema(example = "1984-03-09", requiredMode = Schema.RequiredMode.REQUIRED) @Nullable LocalDate birthDate,
            @Schema(description = "true when only the age is known and birthDate is estimated from it",
                    example = "false") @Nullable Boolean birthDateEstimated,
            @Schema(example = "FEMALE", requiredMode = Schema.RequiredMode.REQUIRED) @Nullable Sex sex,
            @Schema(example = "020 7946 0321") @Nullable String phone,
            @Schema(example = "amelia.okafor@example.org") @Nullable String email,
            @Schema(example = "4 Mill Lane, London SE1 2AB") @Nullable String address) {

        PatientDetails details() {
            return new PatientDetails(givenName, familyName, birthDate, Boolean.TRUE.equals(birthDateEstimated), sex,
                    phone, email, address);
        }
    }

    @Schema(name = "ContactDetails", description = "New contact details; version is the patient's version you read"
            + " (a change by someone else since then is refused with 409).")
    record ContactUpdate(
            @Schema(example = "+44 20 7946 0999") @Nullable String phone,
            @Schema(example = "amelia@example.org") @Nullable String email,
            @Schema(example = "7 Canal Street, London SE1 9XY") @Nullable String address,
            @Schema(example = "0", requiredMode = Schema.RequiredMode.REQUIRED) @Nullable Long version) {
    }

    @Schema(name = "Patient", description = "A patient's registration record (no clinical data).")
    record Patient(UUID id, @Schema(example = "000-123-457") String mrn, String givenName, String familyName,
                   LocalDate birthDate, boolean birthDateEstimated, Sex sex, @Nullable String phone,
                   @Nullable String email, @Nullable String address, PatientStatus status, Instant registeredAt,
                   long version) {

        static Patient of(PatientRecord record) {
            return new Patient(record.id(), record.displayMrn(), record.givenName(), record.familyName(),
                    record.birthDate(), record.birthDateEstimated(), record.sex(), record.phone(), record.email(),
                    record.address(), record.status(), record.registeredAt(), record.version());
        }
    }

    @Schema(name = "PatientListItem", description = "A patient as a search result.")
    record ListItem(UUID id, String mrn, String givenName, String familyName, LocalDate birthDate, Sex sex,
                    @Nullable String phone, PatientStatus status) {

        static ListItem of(PatientSummary summary) {
            return new ListItem(summary.id(), summary.displayMrn(), summary.givenName(), summary.familyName(),
                    summary.birthDate(), summary.sex(), summary.phone(), summary.status());
        }
    }
}
