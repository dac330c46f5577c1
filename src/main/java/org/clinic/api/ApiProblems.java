package org.clinic.api;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletRequest;
import org.clinic.appointment.AppointmentService;
import org.clinic.appointment.CapacityReached;
import org.clinic.appointment.SlotTaken;
import org.clinic.base.NotFoundException;
import org.clinic.base.RuleViolation;
import org.clinic.patient.PossibleDuplicate;
import org.clinic.security.BreakTheGlassRequired;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Every error of the API's controllers as a problem document (RFC 9457, {@code application/problem+json}): 400 for
 * what cannot be read (malformed JSON, a wrong type, an unknown field, an impossible date, a bad UUID), 403, 404,
 * 409 for a conflict with what others did (slot taken, day full, already checked in, edited meanwhile), 413, 422 for
 * a rule violated (with the fields in {@code errors}). Never a stack trace; an unexpected error is logged here and
 * answered 500 with nothing but its type.
 */
@Hidden
@RestControllerAdvice(basePackageClasses = ApiProblems.class)
class ApiProblems extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiProblems.class);

    @ExceptionHandler(NotFoundException.class)
    ProblemDetail notFound(NotFoundException missing) {
        return ProblemTypes.problem(HttpStatus.NOT_FOUND, ProblemTypes.NOT_FOUND, missing.getMessage());
    }

    @ExceptionHandler(SlotTaken.class)
    ProblemDetail slotTaken(SlotTaken taken) {
        ProblemDetail problem = conflict(taken.getMessage());
        problem.setProperty("nextFreeSlots", taken.nextFree().stream()
                .map(slot -> Map.of("start", slot.start().toString(), "end", slot.end().toString())).toList());
        return problem;
    }

    @ExceptionHandler(CapacityReached.class)
    ProblemDetail dayFull(CapacityReached full) {
        return conflict(full.getMessage());
    }

    @ExceptionHandler(PossibleDuplicate.class)
    ProblemDetail duplicate(PossibleDuplicate duplicate) {
        ProblemDetail problem = conflict(duplicate.getMessage()
                + "; send the registration again with ?duplicateConfirmed=true if it is a different person");
        problem.setProperty("candidates", duplicate.candidates().stream()
                .map(c -> Map.of("patientId", c.id().toString(), "reason", c.reason().label())).toList());
        return problem;
    }

    @ExceptionHandler(IdempotencyKeyReused.class)
    ProblemDetail keyReused(IdempotencyKeyReused reused) {
        return ProblemTypes.problem(HttpStatus.UNPROCESSABLE_CONTENT, ProblemTypes.IDEMPOTENCY_KEY_REUSED,
                reused.getMessage());
    }

    @ExceptionHandler(RuleViolation.class)
    ProblemDetail ruleViolated(RuleViolation violation) {
        if (AppointmentService.ALREADY_CHECKED_IN.equals(violation.field())) {
            return conflict(violation.getMessage());
        }
        ProblemDetail problem = ProblemTypes.problem(HttpStatus.UNPROCESSABLE_CONTENT, ProblemTypes.RULE_VIOLATED,
                violation.getMessage());
        problem.setProperty("errors", errors(violation.problems()));
        return problem;
    }

    @ExceptionHandler(OptimisticLockingFailureException.class)
    ProblemDetail changedMeanwhile(OptimisticLockingFailureException changed) {
        return conflict("Someone else changed this meanwhile; read it again and repeat the change");
    }

    @ExceptionHandler(BreakTheGlassRequired.class)
    ProblemDetail careRelationshipMissing(BreakTheGlassRequired refused) {
        return ProblemTypes.problem(HttpStatus.FORBIDDEN, ProblemTypes.FORBIDDEN,
                "This doctor has no appointment, queue visit or consultation with the patient recently; a doctor's"
                        + " token reads only the records of the doctor's own patients");
    }

    @ExceptionHandler(AccessDeniedException.class)
    ProblemDetail denied(AccessDeniedException denied) {
        return ProblemTypes.problem(HttpStatus.FORBIDDEN, ProblemTypes.FORBIDDEN,
                "This token's role may not do this.");
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ProblemDetail badArgument(IllegalArgumentException bad) {
        return ProblemTypes.problem(HttpStatus.BAD_REQUEST, ProblemTypes.MALFORMED, "A parameter is out of range: "
                + bad.getMessage());
    }

    @ExceptionHandler({TransientDataAccessException.class, DataAccessResourceFailureException.class,
            CannotCreateTransactionException.class})
    ResponseEntity<ProblemDetail> unavailable(RuntimeException outage) {
        log.warn("API call failed on the database: {}", outage.getClass().getSimpleName());
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "5")
                .body(ProblemTypes.unavailable());
    }

    @ExceptionHandler(Exception.class)
    ProblemDetail unexpected(Exception error, HttpServletRequest request) {
        log.error("API call {} {} failed", request.getMethod(), request.getRequestURI(), error);
        return ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
                "Something went wrong on our side; nothing was changed");
    }

    /** Unreadable bodies: which field was wrong, never the raw parser message (it may echo the input). */
    @Override
    protected @Nullable ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
                                                                          HttpHeaders headers, HttpStatusCode status,
                                                                          WebRequest request) {
        BodyLimitFilter.BodyTooLarge tooLarge = causeOf(ex, BodyLimitFilter.BodyTooLarge.class);
        if (tooLarge != null) {
            HttpHeaders close = new HttpHeaders();
            close.set(HttpHeaders.CONNECTION, "close");
            return handleExceptionInternal(ex, ProblemTypes.tooLarge(tooLarge.limit), close,
                    HttpStatus.CONTENT_TOO_LARGE, request);
        }
        String detail = "The request body is not valid JSON for this call";
        UnrecognizedPropertyException unknown = causeOf(ex, UnrecognizedPropertyException.class);
        JacksonException json = causeOf(ex, JacksonException.class);
        if (unknown != null) {
            detail = "Unknown field '" + unknown.getPropertyName() + "'";
        } else if (json != null && !json.getPath().isEmpty()) {
            String field = json.getPath().stream().map(r -> r.getPropertyName() != null ? r.getPropertyName()
                    : "[" + r.getIndex() + "]").collect(Collectors.joining("."));
            detail = "'" + field + "' has a value of the wrong type or format (dates are yyyy-MM-dd and must exist,"
                    + " times HH:mm, ids UUIDs)";
        } else if (ex.getCause() == null) {
            detail = "The request needs a JSON body";
        }
        return handleExceptionInternal(ex, ProblemTypes.problem(HttpStatus.BAD_REQUEST, ProblemTypes.MALFORMED, detail),
                headers, HttpStatus.BAD_REQUEST, request);
    }

    /** Every other problem Spring MVC itself raises (wrong type in the path or query, missing parameter…). */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception ex, @Nullable Object body, HttpHeaders headers,
                                                             HttpStatusCode statusCode, WebRequest request) {
        ResponseEntity<Object> response = super.handleExceptionInternal(ex, body, headers, statusCode, request);
        if (response != null && response.getBody() instanceof ProblemDetail problem
                && (problem.getType() == null || "about:blank".equals(problem.getType().toString()))) {
            problem.setType(statusCode.value() == 400 ? ProblemTypes.MALFORMED
                    : URI.create(ProblemTypes.BASE + "http-" + statusCode.value()));
        }
        return response;
    }

    private static ProblemDetail conflict(String detail) {
        return ProblemTypes.problem(HttpStatus.CONFLICT, ProblemTypes.CONFLICT, detail);
    }

    private static List<Map<String, String>> errors(List<RuleViolation.Problem> problems) {
        return problems.stream().map(p -> Map.of("field", p.field() == null ? "" : p.field(), "message", p.message()))
                .toList();
    }

    private static <T extends Throwable> @Nullable T causeOf(Throwable error, Class<T> kind) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (kind.isInstance(t)) {
                return kind.cast(t);
            }
        }
        return null;
    }
}
