package org.clinic.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.clinic.patient.PatientDetails;
import org.clinic.patient.PatientRecord;
import org.clinic.patient.PatientService;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.List;
import java.util.UUID;

/** The patient registry over HTTP: register, search, read and change contact details, through PatientService. */
@RestController
@RequestMapping(path = "/api/v1/patients", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Patients", description = "Register, find and read patients, and update their contact details."
        + " Reading a patient is recorded in the clinic's access log under the token's name.")
class PatientsApi {

    private final PatientService patients;

    PatientsApi(PatientService patients) {
        this.patients = patients;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Register a patient",
            description = "Reception tokens. A registration that looks like an existing patient (same phone, or same"
                    + " name and date of birth) is refused with 409 and the candidates; repeat it with"
                    + " duplicateConfirmed=true if it is a different person.")
    ResponseEntity<PatientJson.Patient> register(@RequestBody PatientJson.NewPatient patient,
                                                 @Parameter(description = "register although it looks like a duplicate")
                                                 @RequestParam(defaultValue = "false") boolean duplicateConfirmed) {
        PatientRecord registered = patients.register(patient.details(), duplicateConfirmed);
        return ResponseEntity.created(URI.create("/api/v1/patients/" + registered.id()))
                .body(PatientJson.Patient.of(registered));
    }

    @GetMapping
    @Operation(summary = "Search patients",
            description = "By name (either order, prefix), phone number or MRN; without q the latest registered."
                    + " A list of matches is not a read of anyone's record and is not logged; reading one is.")
    List<PatientJson.ListItem> search(@Parameter(example = "okafor") @RequestParam(required = false) @Nullable String q,
                                      @RequestParam(defaultValue = "0") int offset,
                                      @Parameter(description = "1–200") @RequestParam(defaultValue = "20") int limit) {
        if (offset < 0 || limit < 1 || limit > PatientService.MAX_PAGE) {
            throw new IllegalArgumentException("offset must be >= 0 and limit 1.." + PatientService.MAX_PAGE);
        }
        return patients.search(q, offset, limit).stream().map(PatientJson.ListItem::of).toList();
    }

    @GetMapping("/{patientId}")
    @Operation(summary = "Read a patient", description = "Logged in the access log. A doctor's token reads only its"
            + " doctor's patients (403 otherwise).")
    PatientJson.Patient get(@PathVariable UUID patientId) {
        return PatientJson.Patient.of(patients.get(patientId));
    }

    @PutMapping(path = "/{patientId}/contact", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Update a patient's contact details",
            description = "Reception tokens. Replaces phone, email and address (null clears one). Send the version"
                    + " you read: if the patient was changed since, the change is refused with 409.")
    PatientJson.Patient updateContact(@PathVariable UUID patientId, @RequestBody PatientJson.ContactUpdate contact) {
        if (contact.version() == null) {
            throw new org.clinic.base.RuleViolation("version", "Send the version of the patient you read");
        }
        PatientRecord current = patients.get(patientId);
        if (current.version() != contact.version()) {
            throw new ErrorResponseException(HttpStatus.CONFLICT, ProblemTypes.problem(HttpStatus.CONFLICT,
                    ProblemTypes.CONFLICT, "The patient was changed since version " + contact.version()
                            + "; read it again (now version " + current.version() + ")"), null);
        }
        PatientDetails details = current.details();
        return PatientJson.Patient.of(patients.update(patientId, contact.version(), new PatientDetails(
                details.givenName(), details.familyName(), details.birthDate(), details.birthDateEstimated(),
                details.sex(), contact.phone(), contact.email(), contact.address())));
    }
}
